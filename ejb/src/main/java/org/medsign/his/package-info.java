/**
 * The HIS (hospital information system) as medsign sees it: its records, their canonical bytes, the gateway on
 * the HIS's own datasource that reads them and writes back their signed state, and the stand-in schema and
 * generator that play the HIS in demos, tests and benchmarks.
 */
package org.medsign.his;
