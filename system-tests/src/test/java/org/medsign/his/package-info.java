/** The HIS as an outside system that fails: signing through an HIS outage, and the write-back when it is back. */
package org.medsign.his;
