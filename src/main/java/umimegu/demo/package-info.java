/** The synthetic demo pictures (two made-up characters), so the project runs without anyone's artwork. */
package umimegu.demo;
