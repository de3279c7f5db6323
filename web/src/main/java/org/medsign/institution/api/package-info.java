/**
 * The institution signatures over the API for IT and auditors: the evidence of one record's, for outside verifiers.
 * Roles are checked by {@link org.medsign.institution.InstitutionSignatures}.
 */
package org.medsign.institution.api;
