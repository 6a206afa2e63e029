package io.dccsim.sim.console;

import io.dccsim.core.signature.DuisSignatureProfile;
import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.signature.SignatureRejectedException;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlRejectedException;
import io.dccsim.sim.pipeline.RepositoryCertificateResolver;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A request's signature checked again, step by step, for a person reading the journal: which
 * element, which algorithms and transforms, which certificate, and at which step it failed and why.
 * The verification itself is core's {@link DuisSignatureVerifier} (the one the pipeline uses); this
 * only names its steps and says which one refused. The repository is consulted as it is now, so a
 * certificate revoked since the request arrived fails here though the request passed.
 */
public final class SignatureCheck {
  private static final String DSIG = DuisSignatureProfile.DSIG_NS;

  /** How one step ended. */
  public enum Outcome {
    /** The step was checked and passed. */
    PASSED,
    /** The step was checked and refused the signature. */
    FAILED,
    /** An earlier step failed, so this one was not checked. */
    NOT_REACHED
  }

  /**
   * One step.
   *
   * @param id a short stable name, e.g. {@code digest}
   * @param title what the step checks
   * @param outcome how it ended
   * @param detail what was found (the algorithm, the certificate...), or why it failed
   */
  public record Step(String id, String title, Outcome outcome, String detail) {
    /** Validates. */
    public Step {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(detail, "detail");
    }
  }

  private final RepositoryCertificateResolver resolver;
  private final SecureXml xml = SecureXml.withDefaults();

  /** Checks against the certificates {@code resolver} finds in the SMKI repository. */
  public SignatureCheck(RepositoryCertificateResolver resolver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /**
   * The steps for {@code request}, signed (it claims) by {@code originator}'s certificate.
   *
   * @return the steps in the order the verifier takes them; after a failed one, the rest are {@link
   *     Outcome#NOT_REACHED}
   */
  public List<Step> check(byte[] request, Optional<Eui64> originator) {
    List<Step> steps = new ArrayList<>();
    Document document;
    try {
      document = xml.parse(request);
    } catch (XmlRejectedException e) {
      steps.add(
          new Step("xml", "the request is well-formed, hardened XML", Outcome.FAILED, text(e)));
      return finish(steps);
    }
    steps.add(
        new Step(
            "xml",
            "the request is well-formed, hardened XML",
            Outcome.PASSED,
            "root element " + document.getDocumentElement().getLocalName()));
    Facts facts = Facts.of(document);
    AtomicReference<CertificateRecord> signer = new AtomicReference<>();
    DuisSignatureVerifier verifier =
        new DuisSignatureVerifier(
            (issuer, serial) -> {
              Optional<CertificateRecord> r = resolver.record(issuer, serial);
              r.ifPresent(signer::set);
              return r.flatMap(x -> resolver.resolve(issuer, serial));
            });
    String failedStep = null;
    String failure = null;
    try {
      verifier.verify(document);
    } catch (SignatureRejectedException e) {
      failedStep = stepOf(e);
      failure = e.reason() + ": " + text(e);
    }
    String[][] order = {
      {"signature", "one ds:Signature, the last element child of the root", facts.signature},
      {
        "structure",
        "SignedInfo, SignatureValue and KeyInfo holding one X509IssuerSerial",
        facts.structure
      },
      {
        "algorithms",
        "exclusive C14N for SignedInfo, ECDSA P-256 with SHA-256, a SHA-256 digest",
        facts.algorithms
      },
      {"reference", "one Reference URI=\"\" (the whole document), its transforms", facts.reference},
      {"certificate", "the certificate KeyInfo names is in the SMKI repository", facts.certificate},
      {"digest", "the document, canonicalised, has the signed SHA-256 digest", facts.digest},
      {"signatureValue", "the SignatureValue verifies with the certificate's key", ""},
    };
    boolean failed = false;
    for (String[] s : order) {
      if (failed) {
        steps.add(new Step(s[0], s[1], Outcome.NOT_REACHED, ""));
      } else if (s[0].equals(failedStep)) {
        steps.add(new Step(s[0], s[1], Outcome.FAILED, join(s[2], failure)));
        failed = true;
      } else {
        String detail = s[2];
        if (s[0].equals("certificate") && signer.get() != null) {
          detail = join(detail, describe(signer.get()));
        }
        steps.add(new Step(s[0], s[1], Outcome.PASSED, detail));
      }
    }
    String title = "an xmlSign Organisation Certificate, in use, of the RequestID's originator";
    if (failed) {
      steps.add(new Step("signer", title, Outcome.NOT_REACHED, ""));
    } else {
      CertificateRecord r = signer.get();
      Optional<String> wrong = signerProblem(r, originator);
      steps.add(
          new Step(
              "signer",
              title,
              wrong.isPresent() ? Outcome.FAILED : Outcome.PASSED,
              wrong.orElse("issued to " + r.subjectEui().map(Object::toString).orElse("no EUI"))));
    }
    return steps;
  }

  private static Optional<String> signerProblem(CertificateRecord r, Optional<Eui64> originator) {
    if (r.kind() != CertificateKind.ORGANISATION
        || r.role().orElse(null) != RemotePartyRole.XML_SIGN
        || r.usage() != CertificateUsage.DS) {
      return Optional.of(
          "wrong-role: certificate "
              + r.serialHex()
              + " is "
              + r.kind()
              + " "
              + r.role().map(RemotePartyRole::gbcsName).orElse("no role")
              + " "
              + r.usage());
    }
    if (r.status() != CertificateStatus.IN_USE) {
      return Optional.of(
          "certificate-not-in-use: certificate " + r.serialHex() + " has status " + r.status());
    }
    if (originator.isPresent() && !r.subjectEui().equals(originator)) {
      return Optional.of(
          "eui-mismatch: certificate "
              + r.serialHex()
              + " belongs to "
              + r.subjectEui().map(Object::toString).orElse("no EUI")
              + ", the RequestID's originator is "
              + originator.get());
    }
    return Optional.empty();
  }

  private static String describe(CertificateRecord r) {
    return "found: serial "
        + r.serialHex()
        + ", "
        + r.kind()
        + " "
        + r.role().map(RemotePartyRole::gbcsName).orElse("")
        + ", "
        + r.status()
        + ", subject "
        + r.subjectEui().map(Object::toString).orElse("no EUI");
  }

  private static String stepOf(SignatureRejectedException e) {
    return switch (e.reason()) {
      case NO_SIGNATURE, MULTIPLE_SIGNATURES, MISPLACED_SIGNATURE -> "signature";
      case MALFORMED_SIGNATURE -> "structure";
      case BAD_REFERENCE -> "reference";
      case FORBIDDEN_ALGORITHM ->
          String.valueOf(e.getMessage()).contains("key") ? "certificate" : "algorithms";
      case UNKNOWN_SIGNER -> "certificate";
      case BAD_DIGEST -> "digest";
      case BAD_SIGNATURE_VALUE -> "signatureValue";
    };
  }

  private static List<Step> finish(List<Step> steps) {
    for (String s :
        List.of(
            "signature",
            "structure",
            "algorithms",
            "reference",
            "certificate",
            "digest",
            "signatureValue",
            "signer")) {
      steps.add(new Step(s, s, Outcome.NOT_REACHED, ""));
    }
    return steps;
  }

  private static String join(String a, String b) {
    if (a == null || a.isEmpty()) {
      return b == null ? "" : b;
    }
    return b == null || b.isEmpty() ? a : a + "; " + b;
  }

  private static String text(RuntimeException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** What the document says about its signature, read without judging it. */
  private static final class Facts {
    String signature = "";
    String structure = "";
    String algorithms = "";
    String reference = "";
    String certificate = "";
    String digest = "";

    static Facts of(Document document) {
      Facts f = new Facts();
      Element root = document.getDocumentElement();
      Element sig = null;
      for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && DSIG.equals(e.getNamespaceURI())) {
          if ("Signature".equals(e.getLocalName())) {
            sig = e;
          }
        }
      }
      if (sig == null) {
        return f;
      }
      f.signature = "ds:Signature under " + root.getLocalName();
      List<String> parts = new ArrayList<>();
      for (Element c : children(sig)) {
        parts.add(c.getLocalName());
      }
      f.structure = String.join(", ", parts);
      List<String> algs = new ArrayList<>();
      first(sig, "CanonicalizationMethod")
          .ifPresent(e -> algs.add("SignedInfo: " + named(e.getAttribute("Algorithm"))));
      first(sig, "SignatureMethod")
          .ifPresent(e -> algs.add("signature: " + named(e.getAttribute("Algorithm"))));
      first(sig, "DigestMethod")
          .ifPresent(e -> algs.add("digest: " + named(e.getAttribute("Algorithm"))));
      f.algorithms = String.join(", ", algs);
      Optional<Element> ref = first(sig, "Reference");
      if (ref.isPresent()) {
        List<String> transforms = new ArrayList<>();
        for (Element t : descendants(ref.get(), "Transform")) {
          transforms.add(named(t.getAttribute("Algorithm")));
        }
        f.reference =
            (ref.get().hasAttribute("URI")
                    ? "URI=\"" + ref.get().getAttribute("URI") + "\""
                    : "no URI")
                + "; transforms: "
                + (transforms.isEmpty() ? "none" : String.join(" then ", transforms));
        f.digest =
            transforms.size() == 2
                ? "digest over exclusive C14N of the document without its signature"
                : "digest over inclusive C14N 1.0 of the document without its signature";
      }
      Optional<String> issuer = first(sig, "X509IssuerName").map(e -> e.getTextContent().strip());
      Optional<String> serial = first(sig, "X509SerialNumber").map(e -> e.getTextContent().strip());
      f.certificate =
          "issuer "
              + issuer.orElse("(none)")
              + ", serial "
              + serial.map(Facts::hex).orElse("(none)");
      return f;
    }

    private static String hex(String decimal) {
      try {
        return decimal + " (0x" + new java.math.BigInteger(decimal).toString(16) + ")";
      } catch (NumberFormatException e) {
        return decimal;
      }
    }

    private static String named(String algorithm) {
      return switch (algorithm) {
        case DuisSignatureProfile.ENVELOPED_SIGNATURE -> "enveloped-signature";
        case DuisSignatureProfile.EXCLUSIVE_C14N -> "exclusive C14N";
        case DuisSignatureProfile.INCLUSIVE_C14N -> "inclusive C14N 1.0";
        case DuisSignatureProfile.ECDSA_SHA256 -> "ECDSA with SHA-256";
        case DuisSignatureProfile.SHA256 -> "SHA-256";
        default -> algorithm.isEmpty() ? "(no algorithm)" : algorithm;
      };
    }

    private static List<Element> children(Element e) {
      List<Element> out = new ArrayList<>();
      for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element c) {
          out.add(c);
        }
      }
      return out;
    }

    private static Optional<Element> first(Element under, String localName) {
      List<Element> all = descendants(under, localName);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<Element> descendants(Element under, String localName) {
      List<Element> out = new ArrayList<>();
      var list = under.getElementsByTagNameNS(DSIG, localName);
      for (int i = 0; i < list.getLength() && i < 16; i++) {
        out.add((Element) list.item(i));
      }
      return out;
    }
  }
}
