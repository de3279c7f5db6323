/**
 * The mobile API's frame under {@code /api/v1}: the JAX-RS application, its OpenAPI document, and the
 * mapping of every failure to {@code application/problem+json} with its MS-xxxx code.
 */
package org.medsign.api;
