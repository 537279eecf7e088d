/** Pictures people would rather look at than read: learning curves, confusion matrix, reliability diagram, predictions per day. */
package umimegu.chart;
