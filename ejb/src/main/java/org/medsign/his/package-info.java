/**
 * The HIS (hospital information system) as medsign sees it: its records, their canonical bytes, the gateway on
 * the HIS's own datasource that reads them and writes back their signed state (and the backlog of that write-back,
 * {@link org.medsign.his.WriteBackBacklog}, which IT's monitoring watches; the queue itself is the signing capability's,
 * {@code org.medsign.signing.writeback}, as the signatures are), and the stand-in schema that plays
 * the HIS where none is connected (filled only by the demo EAR's {@link org.medsign.his.StandInFiller}).
 */
package org.medsign.his;
