package dev.slubsmo.mm;

/** An access to an address that maps no populated page: the model's page fault oops. */
public final class MemoryFault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long address;

  public MemoryFault(long address) {
    this(address, "unable to handle page fault");
  }

  public MemoryFault(long address, String what) {
    super(String.format("BUG: %s for address: 0x%016x", what, address));
    this.address = address;
  }

  public long address() {
    return address;
  }
}
