/**
 * The HTTP API's error shape: a refused request answers {@code {code, message}} with its status, a
 * stable code and a sentence, never a stack trace. Controllers throw {@link nl.loket.api.ApiRefusal};
 * this module turns it into the response. It depends on no other module.
 */
package nl.loket.api;
