/** Training, testing and prediction on Deeplearning4j, the only package that uses it: the networks, the data-sized training plan, calibration, evaluation and the model store. */
package umimegu.model;
