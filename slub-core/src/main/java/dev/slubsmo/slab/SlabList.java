package dev.slubsmo.slab;

import java.util.ArrayList;
import java.util.List;

/**
 * A node's partial or full list: an intrusive doubly-linked list of slabs ({@code struct
 * list_head}) guarded by the node's {@code list_lock}. Head insertion prepends, tail insertion
 * appends.
 */
public final class SlabList {
  private final String name;
  private Slab head;
  private Slab tail;
  private int size;

  SlabList(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public Slab head() {
    return head;
  }

  public int size() {
    return size;
  }

  /** {@code list_add}; the node list_lock is held. */
  public void addHead(Slab s) {
    s.prev = null;
    s.next = head;
    if (head != null) {
      head.prev = s;
    } else {
      tail = s;
    }
    head = s;
    s.list = this;
    size++;
  }

  /** {@code list_add_tail}; the node list_lock is held. */
  public void addTail(Slab s) {
    s.next = null;
    s.prev = tail;
    if (tail != null) {
      tail.next = s;
    } else {
      head = s;
    }
    tail = s;
    s.list = this;
    size++;
  }

  /** {@code list_del}; the node list_lock is held. */
  public void remove(Slab s) {
    if (s.list != this) {
      throw new IllegalStateException(s + " is not on " + name);
    }
    if (s.prev != null) {
      s.prev.next = s.next;
    } else {
      head = s.next;
    }
    if (s.next != null) {
      s.next.prev = s.prev;
    } else {
      tail = s.prev;
    }
    s.prev = null;
    s.next = null;
    s.list = null;
    size--;
  }

  /** The slabs head first; a snapshot for views and checks. */
  public List<Slab> toList() {
    List<Slab> out = new ArrayList<>(size);
    for (Slab s = head; s != null; s = s.next) {
      out.add(s);
    }
    return out;
  }
}
