package umimegu.usecase;

import umimegu.teaching.ReviewFolder;
import umimegu.teaching.TrainingPictures;

/** Where taught pictures go: the training pictures ({@code images/}) and those waiting for review. */
public record TeachingFiles(TrainingPictures pictures, ReviewFolder review) {}
