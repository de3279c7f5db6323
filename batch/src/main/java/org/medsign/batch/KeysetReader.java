package org.medsign.batch;

import jakarta.batch.api.chunk.AbstractItemReader;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A reader that walks its items a page at a time in key order (never OFFSET) and checkpoints the last key read,
 * so a restarted run goes on after it.
 *
 * @param <T> the item
 * @param <K> its key, in the order the pages come
 */
public abstract class KeysetReader<T, K extends Serializable> extends AbstractItemReader {

    private final Deque<T> page = new ArrayDeque<>();
    private final int pageSize;
    private final K first;
    private K after;
    private boolean exhausted;

    /** @param first the key before the first item, where a run without a checkpoint starts */
    protected KeysetReader(int pageSize, K first) {
        this.pageSize = pageSize;
        this.first = first;
    }

    /** Up to {@code limit} items whose keys come after {@code after}, in key order. */
    protected abstract List<T> page(K after, int limit);

    protected abstract K key(T item);

    @Override
    @SuppressWarnings("unchecked")
    public void open(Serializable checkpoint) {
        after = checkpoint == null ? first : (K) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<T> next = page(after, pageSize);
            page.addAll(next);
            exhausted = next.size() < pageSize;
        }
        T item = page.poll();
        if (item != null) {
            after = key(item);
        }
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        return after;
    }
}
