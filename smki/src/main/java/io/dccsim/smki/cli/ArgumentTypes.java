package io.dccsim.smki.cli;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.crl.RevocationReason;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.math.BigInteger;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

/**
 * How the SMKI commands read their argument types. Each option names its converter, so the commands
 * work the same when another launcher registers {@link SmkiCommand} as a subcommand.
 */
public final class ArgumentTypes {
  private ArgumentTypes() {}

  /** Registers the converters on a command line (and its subcommands). */
  static CommandLine register(CommandLine cl) {
    cl.registerConverter(Eui64.class, Eui64::parse);
    cl.registerConverter(RemotePartyRole.class, new RoleConverter());
    cl.registerConverter(CertificateStatus.class, new StatusConverter());
    cl.registerConverter(
        CertificateUsage.class, s -> CertificateUsage.valueOf(s.toUpperCase(Locale.ROOT)));
    cl.registerConverter(RevocationReason.class, new ReasonConverter());
    return cl;
  }

  /** A serial in hex, as the repository interface writes it ({@code 0x} prefix allowed). */
  static BigInteger serial(String hex) {
    String s = hex.strip();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    try {
      BigInteger v = new BigInteger(s.replace(":", ""), 16);
      if (v.signum() <= 0) {
        throw new IllegalArgumentException("A serial is positive: " + hex);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a hex serial: " + hex, e);
    }
  }

  /** Any form {@link Eui64#parse} accepts. */
  public static final class EuiConverter implements ITypeConverter<Eui64> {
    @Override
    public Eui64 convert(String value) {
      return Eui64.parse(value);
    }
  }

  /** {@code DS} or {@code KA}, any case. */
  public static final class UsageConverter implements ITypeConverter<CertificateUsage> {
    @Override
    public CertificateUsage convert(String value) {
      return CertificateUsage.valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
  }

  /** {@code xmlSign}, {@code XML_SIGN} or the hex code {@code 87}. */
  public static final class RoleConverter implements ITypeConverter<RemotePartyRole> {
    @Override
    public RemotePartyRole convert(String value) {
      var byName = RemotePartyRole.fromGbcsName(value);
      if (byName.isPresent()) {
        return byName.get();
      }
      for (RemotePartyRole r : RemotePartyRole.values()) {
        if (r.name().equalsIgnoreCase(value)) {
          return r;
        }
      }
      if (value.strip().length() == 2) {
        return RemotePartyRole.fromOrganisationalUnit(value);
      }
      throw new IllegalArgumentException(
          "Not a role (use a GBCS name like xmlSign, or two hex digits like 87): " + value);
    }
  }

  /** {@code I}, {@code in_use} or {@code IN_USE}. */
  public static final class StatusConverter implements ITypeConverter<CertificateStatus> {
    @Override
    public CertificateStatus convert(String value) {
      if (value.length() == 1) {
        return CertificateStatus.fromCode(value.charAt(0));
      }
      return CertificateStatus.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /** {@code keyCompromise}, {@code KEY_COMPROMISE} or the code {@code 1}. */
  public static final class ReasonConverter implements ITypeConverter<RevocationReason> {
    @Override
    public RevocationReason convert(String value) {
      if (value.chars().allMatch(Character::isDigit)) {
        return RevocationReason.fromCode(Integer.parseInt(value));
      }
      String normal = value.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
      for (RevocationReason r : RevocationReason.values()) {
        if (r.name().replace("_", "").toLowerCase(Locale.ROOT).equals(normal)) {
          return r;
        }
      }
      throw new IllegalArgumentException("Not a revocation reason: " + value);
    }
  }
}
