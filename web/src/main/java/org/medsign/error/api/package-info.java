/**
 * The error catalogue for the phone apps (M25–M26): every code with its words and what to do, in the language the
 * app asks for, so that the app explains a code with the server's words instead of a copy of its own. Public, like
 * the FAQ page: a user who cannot log in or bind must still be able to look a code up.
 */
package org.medsign.error.api;
