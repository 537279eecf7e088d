package umimegu.usecase;

import umimegu.teaching.TrainingPictures;

/** The use cases through which the community teaches the bot, wired once and shared by every front end. */
public record Teaching(
        JudgeAnswer judge,
        ReviewPictures review,
        AddPictures add,
        ChooseModel models,
        ChannelModes channels,
        TrainingPictures pictures,
        HistorySession history) {}
