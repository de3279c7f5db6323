/**
 * The versioned HTTP/JSON protocol the portal page speaks to the agent on 127.0.0.1: routes under /v1,
 * CORS for the configured portal origins, request limits, JSON messages and error answers.
 */
package org.medsign.cardagent.protocol;
