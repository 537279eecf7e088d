/** From a picture to answers: faces found, cropped and classified in one batch, worded ({@link umimegu.recognition.AnswerFormatter}), drawn and logged. */
package umimegu.recognition;
