/** Pictures and faces on OpenCV/JavaCV and ImageIO, the only package that uses OpenCV: one decoding path with size limits, and cascade face detection. */
package umimegu.vision;
