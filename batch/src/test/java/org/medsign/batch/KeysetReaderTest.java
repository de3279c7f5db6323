package org.medsign.batch;

import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class KeysetReaderTest {

    /** Ids 1…n as a table would give them, counting the pages asked for. */
    private static final class Ids extends KeysetReader<Long, Long> {
        private final List<Long> table;
        final List<Long> pagesAfter = new ArrayList<>();

        Ids(long n, int pageSize) {
            super(pageSize, 0L);
            table = LongStream.rangeClosed(1, n).boxed().toList();
        }

        @Override
        protected List<Long> page(Long after, int limit) {
            pagesAfter.add(after);
            return table.stream().filter(id -> id > after).limit(limit).toList();
        }

        @Override
        protected Long key(Long item) {
            return item;
        }

        List<Object> readAll() {
            List<Object> read = new ArrayList<>();
            for (Object item = readItem(); item != null; item = readItem()) {
                read.add(item);
            }
            return read;
        }
    }

    @Test
    void readsEveryItemOnceInKeyOrderPageByPage() {
        Ids reader = new Ids(7, 3);
        reader.open(null);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), reader.readAll());
        assertEquals(List.of(0L, 3L, 6L), reader.pagesAfter, "by key, never by offset; a short page is the last");
        assertNull(reader.readItem(), "and stays at the end without asking again");
        assertEquals(3, reader.pagesAfter.size());
    }

    @Test
    void aRestartGoesOnAfterTheCheckpointedKey() {
        Ids first = new Ids(7, 3);
        first.open(null);
        first.readItem();
        first.readItem();
        Serializable checkpoint = first.checkpointInfo();
        assertEquals(2L, checkpoint);

        Ids restarted = new Ids(7, 3);
        restarted.open(checkpoint);
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), restarted.readAll());
    }

    @Test
    void aFullLastPageCostsOneEmptyLookMore() {
        Ids reader = new Ids(6, 3);
        reader.open(null);
        assertEquals(6, reader.readAll().size());
        assertEquals(List.of(0L, 3L, 6L), reader.pagesAfter);
    }
}
