package org.broadsheet.web;

import java.util.List;

/**
 * One page of a longer list, with what a pager needs.
 *
 * @param number 1-based page number
 */
public record Paged<T>(List<T> items, int number, int size, int total) {

    public Paged {
        items = List.copyOf(items);
    }

    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    public int offset() {
        return (number - 1) * size;
    }

    /** The offset for page {@code number} of {@code size}. */
    public static int offset(int number, int size) {
        return (Math.max(1, number) - 1) * size;
    }
}
