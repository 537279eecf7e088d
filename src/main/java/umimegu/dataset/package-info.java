/** Labelled picture folders ({@code images/<label>/}) and the stratified, seeded validation split. */
package umimegu.dataset;
