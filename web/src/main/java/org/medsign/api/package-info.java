/**
 * The mobile API's frame under {@code /api/v1}: the JAX-RS application, its OpenAPI document, and the
 * mapping of every failure to {@code application/problem+json} with its MS-xxxx code. Request bodies are records
 * whose shape is checked by Jakarta Validation ({@code @Valid} on the resource's parameter); a refused body names
 * its failed fields, never their values ({@link org.medsign.api.RequestViolationMapper}).
 */
package org.medsign.api;
