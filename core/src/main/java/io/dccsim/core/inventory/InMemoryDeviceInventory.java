package io.dccsim.core.inventory;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.Uprn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A {@link DeviceInventory} held in memory, indexed by UPRN, MPxN and postcode (a device without
 * premises is in no postcode's index). Nothing outlives the process. One lock guards everything;
 * scans copy pages under it and deliver them without it.
 */
public final class InMemoryDeviceInventory implements DeviceInventory {

  private static final int SCAN_PAGE = 1_000;

  private final NavigableMap<Eui64, Device> devices = new TreeMap<>();
  private final Map<Uprn, Set<Eui64>> byUprn = new HashMap<>();
  private final Map<String, Set<Eui64>> byMpxn = new HashMap<>();
  private final Map<Postcode, Set<Eui64>> byPostcode = new HashMap<>();

  /** An empty inventory. */
  public InMemoryDeviceInventory() {}

  @Override
  public synchronized Optional<Device> find(Eui64 eui) {
    Objects.requireNonNull(eui, "eui");
    return Optional.ofNullable(devices.get(eui));
  }

  @Override
  public synchronized List<Device> findByUprn(Uprn uprn) {
    Objects.requireNonNull(uprn, "uprn");
    return lookup(byUprn.get(uprn));
  }

  @Override
  public synchronized List<Device> findByMpxn(String mpxn) {
    Objects.requireNonNull(mpxn, "mpxn");
    return lookup(byMpxn.get(mpxn));
  }

  @Override
  public synchronized List<Device> findByPostcode(Postcode postcode) {
    Objects.requireNonNull(postcode, "postcode");
    return lookup(byPostcode.get(postcode));
  }

  private List<Device> lookup(Set<Eui64> euis) {
    if (euis == null) {
      return List.of();
    }
    List<Device> out = new ArrayList<>(euis.size());
    for (Eui64 e : euis) {
      out.add(devices.get(e));
    }
    return List.copyOf(out);
  }

  @Override
  public synchronized void add(Device device) {
    Objects.requireNonNull(device, "device");
    if (devices.containsKey(device.eui())) {
      throw new DuplicateDeviceException(device.eui());
    }
    put(device);
  }

  @Override
  public synchronized int addAll(List<Device> given) {
    List<Device> copy = List.copyOf(given);
    Set<Eui64> seen = new HashSet<>();
    for (Device d : copy) {
      if (devices.containsKey(d.eui()) || !seen.add(d.eui())) {
        throw new DuplicateDeviceException(d.eui());
      }
    }
    copy.forEach(this::put);
    return copy.size();
  }

  @Override
  public synchronized Optional<Device> replace(Device device) {
    Objects.requireNonNull(device, "device");
    Device old = devices.get(device.eui());
    if (old == null) {
      return Optional.empty();
    }
    unindex(old);
    put(device);
    return Optional.of(old);
  }

  @Override
  public synchronized Optional<Device> updateStatus(Eui64 eui, DeviceStatus status) {
    Objects.requireNonNull(eui, "eui");
    Objects.requireNonNull(status, "status");
    Device old = devices.get(eui);
    if (old == null) {
      return Optional.empty();
    }
    Device now = old.withStatus(status);
    devices.put(eui, now);
    return Optional.of(now);
  }

  @Override
  public synchronized boolean remove(Eui64 eui) {
    Objects.requireNonNull(eui, "eui");
    Device old = devices.remove(eui);
    if (old == null) {
      return false;
    }
    unindex(old);
    return true;
  }

  @Override
  public synchronized long count() {
    return devices.size();
  }

  @Override
  public long scan(Consumer<Device> sink) {
    Objects.requireNonNull(sink, "sink");
    long delivered = 0;
    Eui64 after = null;
    while (true) {
      List<Device> page = new ArrayList<>(SCAN_PAGE);
      synchronized (this) {
        var tail = after == null ? devices : devices.tailMap(after, false);
        for (Device d : tail.values()) {
          if (page.size() == SCAN_PAGE) {
            break;
          }
          page.add(d);
        }
      }
      for (Device d : page) {
        sink.accept(d);
        delivered++;
      }
      if (page.size() < SCAN_PAGE) {
        return delivered;
      }
      after = page.get(page.size() - 1).eui();
    }
  }

  private void put(Device d) {
    devices.put(d.eui(), d);
    d.uprn().ifPresent(u -> byUprn.computeIfAbsent(u, k -> new TreeSet<>()).add(d.eui()));
    for (String m : d.mpxns()) {
      byMpxn.computeIfAbsent(m, k -> new TreeSet<>()).add(d.eui());
    }
    d.postcode().ifPresent(p -> byPostcode.computeIfAbsent(p, k -> new TreeSet<>()).add(d.eui()));
  }

  private void unindex(Device d) {
    d.uprn().ifPresent(u -> drop(byUprn, u, d.eui()));
    for (String m : d.mpxns()) {
      drop(byMpxn, m, d.eui());
    }
    d.postcode().ifPresent(p -> drop(byPostcode, p, d.eui()));
  }

  private static <K> void drop(Map<K, Set<Eui64>> index, K key, Eui64 eui) {
    Set<Eui64> set = index.get(key);
    if (set != null) {
      set.remove(eui);
      if (set.isEmpty()) {
        index.remove(key);
      }
    }
  }
}
