/** Front end: the web page and its JSON API on Javalin (the only package that imports it). */
package umimegu.web;
