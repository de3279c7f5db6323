package org.medsign.batch.scan;

import org.medsign.his.RecordKey;

import java.io.Serializable;

/** A reader's checkpoint: the last key handed out, and whether the END item was. */
record WalkPosition(RecordKey key, boolean ended) implements Serializable {
}
