/** What a user does, once for every front end: answer a picture ({@link umimegu.usecase.AnswerPicture}), with the history session it is recorded in. */
package umimegu.usecase;
