/**
 * The medsign card agent: start-up, settings and the agent's error codes.
 * Sub-packages hold the card back ends, card state, the PC/SC watcher and the HTTP protocol.
 */
package org.medsign.cardagent;
