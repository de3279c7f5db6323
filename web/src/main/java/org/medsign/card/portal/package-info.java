/**
 * The card pages' server side: the JSON endpoints the login page and the card check page call (challenge, card
 * login, presence ceremony), the page settings (card agent address, catalogue texts) and IT's card-holder links.
 */
package org.medsign.card.portal;
