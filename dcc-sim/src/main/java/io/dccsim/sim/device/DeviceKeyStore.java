package io.dccsim.sim.device;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.pki.CredentialLoader;
import io.dccsim.smki.pki.PemMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the simulated devices' keys outlive the process, if anywhere: {@link #NONE} keeps nothing
 * (each run issues new ones on first use), {@link #directory(Path)} keeps each device's two
 * credentials as PEM files, as the standalone server keeps the Users' in {@code pki-dir}.
 * Implementations are thread-safe.
 */
public interface DeviceKeyStore {
  /** Keeps nothing. */
  DeviceKeyStore NONE =
      new DeviceKeyStore() {
        @Override
        public Optional<DeviceKeys> load(Eui64 device) {
          return Optional.empty();
        }

        @Override
        public void save(DeviceKeys keys) {
          // nothing outlives the process
        }
      };

  /** The keys kept for {@code device}, if any. */
  Optional<DeviceKeys> load(Eui64 device);

  /** Keeps {@code keys}. */
  void save(DeviceKeys keys);

  /**
   * Keeps each device's credentials in {@code dir} as {@code <EUI>-ds.cert.pem}, {@code
   * <EUI>-ds.key.pem}, {@code <EUI>-ka.cert.pem} and {@code <EUI>-ka.key.pem} (the EUI as 16 hex
   * digits), the keys readable by the owner only. The directory is made when the first device's
   * keys are saved.
   */
  static DeviceKeyStore directory(Path dir) {
    Objects.requireNonNull(dir, "dir");
    return new DeviceKeyStore() {
      @Override
      public Optional<DeviceKeys> load(Eui64 device) {
        String base = device.toString().replace("-", "");
        Path dsCert = dir.resolve(base + "-ds.cert.pem");
        Path dsKey = dir.resolve(base + "-ds.key.pem");
        Path kaCert = dir.resolve(base + "-ka.cert.pem");
        Path kaKey = dir.resolve(base + "-ka.key.pem");
        if (!(Files.exists(dsCert)
            && Files.exists(dsKey)
            && Files.exists(kaCert)
            && Files.exists(kaKey))) {
          return Optional.empty();
        }
        return Optional.of(
            new DeviceKeys(
                device,
                CredentialLoader.load(dsCert, dsKey),
                CredentialLoader.load(kaCert, kaKey)));
      }

      @Override
      public void save(DeviceKeys keys) {
        String base = keys.device().toString().replace("-", "");
        try {
          Files.createDirectories(dir);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot make " + dir, e);
        }
        // the KA pair last: load() reads a device back only once all four files are there
        PemMaterial.write(
            keys.digitalSigning(),
            dir.resolve(base + "-ds.cert.pem"),
            dir.resolve(base + "-ds.key.pem"));
        PemMaterial.write(
            keys.keyAgreement(),
            dir.resolve(base + "-ka.cert.pem"),
            dir.resolve(base + "-ka.key.pem"));
      }
    };
  }
}
