/**
 * The card as the page sees it: presence, card events with long-polling, the agent's own wrong-PIN counter,
 * and the card service that puts them in front of a back end.
 */
package org.medsign.cardagent.card;
