/**
 * The error-code catalogue: every error a person can see, with its stable code, HTTP status and texts.
 * Users screenshot the code for IT (manual M26); the portal, the API and the FAQ page all read it from here.
 */
package org.medsign.error;
