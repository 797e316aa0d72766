package io.edihub.partner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The trading partners the hub knows, read from one YAML file per partner. Each file is first checked against
 * the published schema ({@link PartnerSchema}), then for what a schema cannot say (the file name, dates in order,
 * prices that do not overlap). A broken file stops the start with a message naming the file and the key, because
 * a hub that silently drops a partner would silently drop that customer's orders; every schema violation of every
 * file is named at once.
 */
public final class PartnerDirectory {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /**
     * Read as editors read YAML: off (a watchdog threshold) is a text, not false as in YAML 1.1, and a key without a
     * value (a block whose keys are all commented out) is null, not an empty text.
     */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // amounts as the file has them: 42.50 stays 42.50 (a contract price), -10.00 in a message
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final PartnerSchema SCHEMA = PartnerSchema.load();

    private final Map<String, PartnerProfile> byId;

    public PartnerDirectory(Collection<PartnerProfile> partners) {
        Map<String, PartnerProfile> map = new LinkedHashMap<>();
        for (PartnerProfile p : partners) {
            if (map.putIfAbsent(p.id(), p) != null) {
                throw new PartnerConfigurationException("partner id '" + p.id() + "' is defined twice");
            }
        }
        Map<String, String> senders = new java.util.HashMap<>();
        for (PartnerProfile p : map.values()) {
            String other = senders.putIfAbsent(p.isaQualifier() + "/" + p.isaId(), p.id());
            if (other != null) {
                throw new PartnerConfigurationException("partners '" + other + "' and '" + p.id()
                        + "' use the same interchange sender id " + p.isaId());
            }
        }
        Map<String, String> as2Senders = new java.util.HashMap<>();
        for (PartnerProfile p : map.values()) {
            String other = p.as2() == null ? null : as2Senders.putIfAbsent(p.as2().partnerAs2Id(), p.id());
            if (other != null) {
                throw new PartnerConfigurationException("partners '" + other + "' and '" + p.id()
                        + "' use the same AS2 id " + p.as2().partnerAs2Id() + " (as2.partner-id)");
            }
        }
        this.byId = Map.copyOf(map);
    }

    /** Reads every {@code *.yaml} / {@code *.yml} in the folder; a missing folder means no partners. */
    public static PartnerDirectory load(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new PartnerDirectory(List.of());
        }
        List<PartnerProfile> partners = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(PartnerDirectory::isYaml).sorted().toList()) {
                try {
                    partners.add(read(file));
                } catch (PartnerConfigurationException e) {
                    problems.addAll(e.problems());
                }
            }
        } catch (IOException e) {
            throw new PartnerConfigurationException("cannot list partner folder " + folder + ": " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new PartnerConfigurationException(problems);
        }
        return new PartnerDirectory(partners);
    }

    static PartnerProfile read(Path file) {
        JsonNode tree;
        try {
            tree = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new PartnerConfigurationException(file + ": not a readable YAML file: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new PartnerConfigurationException(file + ": the file is empty");
        }
        List<String> violations = SCHEMA.problems(tree);
        if (!violations.isEmpty()) {
            throw new PartnerConfigurationException(violations.stream().map(problem -> file + ": " + problem).toList());
        }
        PartnerFile f;
        try {
            f = YAML.treeToValue(tree, PartnerFile.class);
        } catch (JsonMappingException e) {
            throw new PartnerConfigurationException(file + ": " + path(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PartnerConfigurationException(file + ": not a readable YAML file: " + e.getMessage(), e);
        }
        return toProfile(file, f);
    }

    private static PartnerProfile toProfile(Path file, PartnerFile f) {
        if (!ID.matcher(f.id()).matches()) {
            throw invalid(file, "id", f.id(), "lower-case letters, digits and '-', at most 40");
        }
        String expectedName = f.id() + ".";
        if (!file.getFileName().toString().startsWith(expectedName)) {
            throw invalid(file, "id", f.id(), "the file name must be <id>.yaml");
        }
        String isaId = f.x12().isaId();
        if (isaId.isBlank() || isaId.length() > 15) {
            throw invalid(file, "x12.isa-id", isaId, "1 to 15 characters");
        }
        String qualifier = f.x12().isaQualifier();
        if (qualifier != null && qualifier.length() != 2) {
            throw invalid(file, "x12.isa-qualifier", qualifier, "2 characters, e.g. ZZ or 01");
        }
        String account = Optional.ofNullable(f.sftp()).map(PartnerFile.Sftp::account).orElse(f.id());
        String directory = Optional.ofNullable(f.sftp()).map(PartnerFile.Sftp::directory).orElse(f.id());
        if (!ID.matcher(directory).matches()) {
            throw invalid(file, "sftp.directory", directory, "a single folder name: lower-case letters, digits and '-'");
        }
        PartnerProfile.Ta1Policy ta1 = enumValue(file, "acknowledgments.ta1",
                Optional.ofNullable(f.acknowledgments()).map(PartnerFile.Acknowledgments::ta1).orElse(null),
                PartnerProfile.Ta1Policy.class, PartnerProfile.Ta1Policy.WHEN_REQUESTED);
        PartnerProfile.ReleaseExtension extension = enumValue(file, "releases.extension",
                Optional.ofNullable(f.releases()).map(PartnerFile.Releases::extension).orElse(null),
                PartnerProfile.ReleaseExtension.class, PartnerProfile.ReleaseExtension.SEQUENCE);
        Duration window = Duration.ofDays(90);
        if (f.duplicateWindow() != null) {
            try {
                window = Duration.parse(f.duplicateWindow());
            } catch (DateTimeParseException e) {
                throw invalid(file, "duplicate-window", f.duplicateWindow(), "an ISO-8601 duration such as P90D");
            }
            if (window.isNegative() || window.isZero()) {
                throw invalid(file, "duplicate-window", f.duplicateWindow(), "a positive duration");
            }
        }
        PartnerFile.Acknowledgments acks = f.acknowledgments();
        String functional = acks == null || acks.functional() == null ? "997" : acks.functional().strip();
        PartnerProfile.FunctionalAck functionalAck = switch (functional) {
            case "997" -> PartnerProfile.FunctionalAck.X997;
            case "999" -> PartnerProfile.FunctionalAck.X999;
            default -> throw invalid(file, "acknowledgments.functional", functional, "997 (Functional Acknowledgment, "
                    + "the default) or 999 (Implementation Acknowledgment, for groups of 005010 and later)");
        };
        Period leadTime = Period.ofDays(30);
        String lead = Optional.ofNullable(f.releases()).map(PartnerFile.Releases::leadTime).orElse(null);
        if (lead != null) {
            try {
                leadTime = Period.parse(lead);
            } catch (DateTimeParseException e) {
                throw invalid(file, "releases.lead-time", lead, "an ISO-8601 period such as P30D or P1M");
            }
            if (leadTime.isNegative()) {
                throw invalid(file, "releases.lead-time", lead, "zero or a positive period");
            }
        }
        int priority = f.priority() == null ? 5 : f.priority();
        if (priority < 1 || priority > 9) {
            throw invalid(file, "priority", String.valueOf(priority), "1 (served first) to 9");
        }
        String edifactId = f.edifact() == null ? null : f.edifact().id().strip();
        Contract contract = f.contract() == null ? null : contract(file, f.contract());
        Period implicitAcceptance = null;
        String implicit = Optional.ofNullable(f.billing()).map(PartnerFile.Billing::implicitAcceptanceAfter).orElse(null);
        if (implicit != null) {
            try {
                implicitAcceptance = Period.parse(implicit);
            } catch (DateTimeParseException e) {
                throw invalid(file, "billing.implicit-acceptance-after", implicit, "an ISO-8601 period such as P30D");
            }
            if (implicitAcceptance.isNegative() || implicitAcceptance.isZero()) {
                throw invalid(file, "billing.implicit-acceptance-after", implicit, "a positive period, or no key at all "
                        + "to invoice only what the partner accepts");
            }
        }
        PartnerProfile.ClaimDocuments claims = claimDocuments(file, f.claims());
        PartnerProfile.Documents documents = DocumentForms.read(file, f, claims, edifactId);
        return new PartnerProfile(f.id(), f.name() == null ? f.id() : f.name(), qualifier, isaId,
                f.x12().gsId(), groupIds(file, f.x12().groupIds()), account, directory, ta1, window, extension, edifactId,
                functionalAck, documents.acknowledgment() != PartnerProfile.DocumentForm.NONE, leadTime, priority, contract,
                documents.shipNotice() != PartnerProfile.DocumentForm.NONE, implicitAcceptance,
                watchdog(file, f.watchdog()), sftpServer(file, Optional.ofNullable(f.sftp()).map(PartnerFile.Sftp::server)
                        .orElse(null)), DocumentForms.claims(claims, documents),
                enumValue(file, "mode", f.mode(), PartnerProfile.Mode.class, PartnerProfile.Mode.PRODUCTION),
                maxFileBytes(file, Optional.ofNullable(f.sftp()).map(PartnerFile.Sftp::maxFileBytes).orElse(null)),
                enumValue(file, "sftp.uploads", Optional.ofNullable(f.sftp()).map(PartnerFile.Sftp::uploads).orElse(null),
                        PartnerProfile.Uploads.class, PartnerProfile.Uploads.IN_PLACE),
                documents,
                invoicing(file, f.invoicing()), as2(file, f.as2(), java.time.Instant.now()));
    }

    private static PartnerProfile.Invoicing invoicing(Path file, PartnerFile.Invoicing i) {
        if (i == null) {
            return PartnerProfile.Invoicing.PER_ACCEPTANCE;
        }
        PartnerProfile.Cadence cadence = enumValue(file, "invoicing.cadence", i.cadence(), PartnerProfile.Cadence.class,
                PartnerProfile.Cadence.PER_ACCEPTANCE);
        PartnerProfile.Per per = enumValue(file, "invoicing.per", i.per(), PartnerProfile.Per.class, null);
        if (cadence == PartnerProfile.Cadence.PER_ACCEPTANCE) {
            if (per != null) {
                throw invalid(file, "invoicing.per", i.per(), "no key: only a monthly cadence consolidates");
            }
            if (i.issueDay() != null) {
                throw invalid(file, "invoicing.issue-day", i.issueDay().toString(), "no key: only a monthly cadence has "
                        + "an issue day");
            }
            return PartnerProfile.Invoicing.PER_ACCEPTANCE;
        }
        if (i.issueDay() == null) {
            throw new PartnerConfigurationException(file + ": invoicing.issue-day: missing, but required with cadence "
                    + "monthly (the day of the next month, 1 to 28, the month's consolidated invoice is issued on)");
        }
        if (i.issueDay() < 1 || i.issueDay() > 28) {
            throw invalid(file, "invoicing.issue-day", i.issueDay().toString(), "a day of the month from 1 to 28");
        }
        return new PartnerProfile.Invoicing(cadence, per, i.issueDay());
    }

    /** The signing algorithms a partner may choose (SHA-1 and MD5 signatures are not safe any more). */
    static final List<String> AS2_SIGNING = List.of("SHA256WITHRSA", "SHA384WITHRSA", "SHA512WITHRSA",
            "SHA256WITHRSAANDMGF1", "SHA384WITHRSAANDMGF1", "SHA512WITHRSAANDMGF1");
    /** The encryption algorithms a partner may choose (AES only: DES, RC2 and RC4 are not safe any more). */
    static final List<String> AS2_ENCRYPTION = List.of("AES128_CBC", "AES192_CBC", "AES256_CBC", "AES128_GCM",
            "AES192_GCM", "AES256_GCM");
    /** An AS2 name (RFC 4130 AS2-From / AS2-To): 1 to 128 printable ASCII characters, here without quotes or spaces. */
    private static final Pattern AS2_NAME = Pattern.compile("[!#-\\[\\]-~]{1,128}");

    /**
     * The partner's AS2 channel, checked as far as a start can check it: both AS2 ids, an http(s) address, the
     * certificate readable and valid now, known algorithms, an address for MDNs sent later.
     */
    static PartnerProfile.As2 as2(Path file, PartnerFile.As2 a, java.time.Instant now) {
        if (a == null) {
            return null;
        }
        String partnerId = as2Name(file, "as2.partner-id", a.partnerId());
        String ourId = as2Name(file, "as2.our-id", a.ourId());
        java.net.URI url = httpUrl(file, "as2.url", a.url());
        if (a.certificateFile() == null || a.certificateFile().isBlank()) {
            throw invalid(file, "as2.certificate-file", a.certificateFile(), "the PEM file of the partner's certificate");
        }
        Path certificateFile = Path.of(a.certificateFile().strip());
        java.security.cert.X509Certificate certificate = certificate(file, "as2.certificate-file", certificateFile, now);
        PartnerProfile.MdnMode mdn = enumValue(file, "as2.mdn", a.mdn(), PartnerProfile.MdnMode.class,
                PartnerProfile.MdnMode.SYNC);
        java.net.URI asyncMdnUrl = null;
        if (a.asyncMdnUrl() != null) {
            asyncMdnUrl = httpUrl(file, "as2.async-mdn-url", a.asyncMdnUrl());
        } else if (mdn == PartnerProfile.MdnMode.ASYNC) {
            throw invalid(file, "as2.async-mdn-url", null, "the hub's address the partner sends its MDNs to, "
                    + "with mdn: async");
        }
        String signing = a.signingAlgorithm() == null ? AS2_SIGNING.get(0) : a.signingAlgorithm().strip();
        if (!AS2_SIGNING.contains(signing)) {
            throw invalid(file, "as2.signing-algorithm", a.signingAlgorithm(), "one of " + AS2_SIGNING);
        }
        String encryption = a.encryptionAlgorithm() == null ? AS2_ENCRYPTION.get(0) : a.encryptionAlgorithm().strip();
        if (!AS2_ENCRYPTION.contains(encryption)) {
            throw invalid(file, "as2.encryption-algorithm", a.encryptionAlgorithm(), "one of " + AS2_ENCRYPTION);
        }
        return new PartnerProfile.As2(partnerId, ourId, url, certificateFile, certificate, mdn, asyncMdnUrl, signing,
                encryption);
    }

    private static String as2Name(Path file, String key, String value) {
        if (value == null || !AS2_NAME.matcher(value.strip()).matches()) {
            throw invalid(file, key, value, "an AS2 name: 1 to 128 printable ASCII characters, no spaces or quotes");
        }
        return value.strip();
    }

    private static java.net.URI httpUrl(Path file, String key, String value) {
        try {
            java.net.URI uri = new java.net.URI(value.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException | NullPointerException e) {
            // said below
        }
        throw invalid(file, key, value, "an http or https address such as https://as2.example.com/as2");
    }

    /**
     * An X.509 certificate from a PEM (or DER) file, refused when the file is missing or unreadable, holds no
     * certificate, or the certificate is not valid now (expired or not yet valid): a partner whose messages the hub
     * could not check, or could not encrypt to, would fail message by message instead of at the start.
     */
    static java.security.cert.X509Certificate certificate(Path file, String key, Path certificateFile,
            java.time.Instant now) {
        if (!Files.isRegularFile(certificateFile)) {
            throw new PartnerConfigurationException(file + ": " + key + ": '" + certificateFile + "' is missing (no such "
                    + "file)");
        }
        java.security.cert.X509Certificate certificate;
        try (java.io.InputStream in = Files.newInputStream(certificateFile)) {
            certificate = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
        } catch (IOException | java.security.cert.CertificateException | ClassCastException e) {
            throw new PartnerConfigurationException(file + ": " + key + ": '" + certificateFile + "' is unreadable as an "
                    + "X.509 certificate (PEM or DER): " + e.getMessage(), e);
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new PartnerConfigurationException(file + ": " + key + ": the certificate in '" + certificateFile + "' ("
                    + certificate.getSubjectX500Principal().getName() + ") expired on " + certificate.getNotAfter().toInstant());
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new PartnerConfigurationException(file + ": " + key + ": the certificate in '" + certificateFile + "' ("
                    + certificate.getSubjectX500Principal().getName() + ") is not valid yet: from "
                    + certificate.getNotBefore().toInstant());
        }
        return certificate;
    }

    private static List<String> groupIds(Path file, List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.isEmpty()) {
            throw invalid(file, "x12.group-ids", "[]", "at least one GS02 id, or no key at all to take any");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String id : ids) {
            String stripped = id == null ? "" : id.strip();
            if (stripped.length() < 2 || stripped.length() > 15) {
                throw invalid(file, "x12.group-ids", String.valueOf(id), "2 to 15 characters");
            }
            if (!seen.add(stripped)) {
                throw invalid(file, "x12.group-ids", stripped, "each id once");
            }
        }
        return List.copyOf(seen);
    }

    private static PartnerProfile.ClaimDocuments claimDocuments(Path file, PartnerFile.Claims c) {
        if (c == null) {
            return PartnerProfile.ClaimDocuments.DEFAULTS;
        }
        PartnerProfile.CreditNoteForm creditNote = switch (c.creditNote() == null ? "810" : c.creditNote().strip()) {
            case "810" -> PartnerProfile.CreditNoteForm.X12_810;
            case "812" -> PartnerProfile.CreditNoteForm.X12_812;
            case "json" -> PartnerProfile.CreditNoteForm.JSON;
            default -> throw invalid(file, "claims.credit-note", c.creditNote(), "810 (an 810 with BIG07 CR, the default), "
                    + "812 or json");
        };
        return new PartnerProfile.ClaimDocuments(creditNote,
                answer(file, "claims.return-authorization", c.returnAuthorization(), "180"),
                answer(file, "claims.denial", c.denial(), "824"));
    }

    private static PartnerProfile.AnswerForm answer(Path file, String key, String value, String x12) {
        String form = value == null ? x12 : value.strip();
        if (form.equals(x12)) {
            return PartnerProfile.AnswerForm.X12;
        }
        if (form.equals("json")) {
            return PartnerProfile.AnswerForm.JSON;
        }
        throw invalid(file, key, value, x12 + " (the default) or json");
    }

    private static PartnerProfile.SftpServer sftpServer(Path file, PartnerFile.Server server) {
        if (server == null) {
            return null;
        }
        if (server.host() == null || server.host().isBlank()) {
            throw invalid(file, "sftp.server.host", server.host(), "the host name of the partner's SFTP server");
        }
        int port = server.port() == null ? 22 : server.port();
        if (port < 1 || port > 65535) {
            throw invalid(file, "sftp.server.port", Integer.toString(port), "a port number (1-65535)");
        }
        if (server.username() == null || server.username().isBlank()) {
            throw invalid(file, "sftp.server.username", server.username(), "the account the hub logs in with");
        }
        if (server.knownHostsFile() == null || server.knownHostsFile().isBlank()) {
            throw invalid(file, "sftp.server.known-hosts-file", server.knownHostsFile(),
                    "a known_hosts file with the server's host key (the hub checks it strictly)");
        }
        String key = server.privateKeyFile() == null || server.privateKeyFile().isBlank() ? null : server.privateKeyFile();
        return new PartnerProfile.SftpServer(server.host().strip(), port, server.username().strip(), server.knownHostsFile(),
                key);
    }

    private static PartnerProfile.Watchdog watchdog(Path file, PartnerFile.Watchdog w) {
        if (w == null) {
            return PartnerProfile.Watchdog.HUB_DEFAULTS;
        }
        return new PartnerProfile.Watchdog(
                threshold(file, "watchdog.acknowledgment-overdue-after", w.acknowledgmentOverdueAfter()),
                threshold(file, "watchdog.held-order-after", w.heldOrderAfter()),
                threshold(file, "watchdog.undispatched-release-after", w.undispatchedReleaseAfter()),
                threshold(file, "watchdog.unshipped-release-after", w.unshippedReleaseAfter()),
                threshold(file, "watchdog.unaccepted-shipment-after", w.unacceptedShipmentAfter()),
                threshold(file, "watchdog.uninvoiced-acceptance-after", w.uninvoicedAcceptanceAfter()),
                threshold(file, "watchdog.unsettled-claim-after", w.unsettledClaimAfter()),
                threshold(file, "watchdog.payment-overdue-grace", w.paymentOverdueGrace(), true),
                threshold(file, "watchdog.deduction-open-after", w.deductionOpenAfter(), true),
                threshold(file, "watchdog.unapplied-cash-after", w.unappliedCashAfter(), true));
    }

    /** No key: the hub's default; {@code off}: never checked for this partner; else a positive ISO-8601 duration. */
    static PartnerProfile.Threshold threshold(Path file, String key, String value) {
        return threshold(file, key, value, false);
    }

    /**
     * As {@link #threshold(Path, String, String)}; with {@code zeroAllowed} a zero duration is taken too, for a check
     * whose condition is worth an alert at the watchdog's next look (money a customer withheld or left unapplied) or
     * whose threshold is a grace after a date the condition already carries (an invoice's due date).
     */
    static PartnerProfile.Threshold threshold(Path file, String key, String value, boolean zeroAllowed) {
        if (value == null) {
            return PartnerProfile.Threshold.HUB_DEFAULT;
        }
        String v = value.strip();
        if (v.equalsIgnoreCase("off")) {
            return PartnerProfile.Threshold.OFF;
        }
        Duration after;
        try {
            after = Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw invalid(file, key, value, "an ISO-8601 duration such as PT24H or P5D, or off to never check this "
                    + "partner for it");
        }
        if (after.isNegative() || (after.isZero() && !zeroAllowed)) {
            throw invalid(file, key, value, zeroAllowed ? "a duration of zero or more such as PT0S or P5D, or off"
                    : "a positive duration such as PT24H or P5D, or off");
        }
        return new PartnerProfile.Threshold(after, false);
    }

    private static Contract contract(Path file, PartnerFile.ContractFile c) {
        LocalDate from = date(file, "contract.valid-from", c.validFrom());
        LocalDate to = date(file, "contract.valid-to", c.validTo());
        if (to.isBefore(from)) {
            throw invalid(file, "contract.valid-to", c.validTo(), "a day on or after valid-from " + c.validFrom());
        }
        String currency = c.currency() == null ? "USD" : c.currency().strip();
        if (!currency.matches("[A-Z]{3}")) {
            throw invalid(file, "contract.currency", currency, "an ISO 4217 code such as USD");
        }
        positive(file, "contract.order-limit", c.orderLimit());
        positive(file, "contract.release-limit", c.releaseLimit());
        Contract.PriceMismatch mismatch = enumValue(file, "contract.price-mismatch", c.priceMismatch(),
                Contract.PriceMismatch.class, Contract.PriceMismatch.HOLD);
        Contract.PaymentTerms terms = null;
        if (c.paymentTerms() != null) {
            PartnerFile.Terms t = c.paymentTerms();
            if (t.netDays() < 0) {
                throw invalid(file, "contract.payment-terms.net-days", t.netDays().toString(), "zero or more days");
            }
            if ((t.discountPercent() == null) != (t.discountDays() == null)) {
                throw invalid(file, "contract.payment-terms", "discount-percent/discount-days",
                        "both discount-percent and discount-days, or neither");
            }
            Contract.DueFrom dueFrom = enumValue(file, "contract.payment-terms.due-from", t.dueFrom(),
                    Contract.DueFrom.class, Contract.DueFrom.INVOICE);
            terms = new Contract.PaymentTerms(t.netDays(), t.discountPercent(), t.discountDays(), t.description(),
                    dueFrom);
        }
        List<Contract.Price> prices = new ArrayList<>();
        for (int i = 0; i < c.prices().size(); i++) {
            PartnerFile.PriceFile p = c.prices().get(i);
            String key = "contract.prices[" + i + "]";
            positive(file, key + ".unit-price", p.unitPrice());
            LocalDate pFrom = p.validFrom() == null ? null : date(file, key + ".valid-from", p.validFrom());
            LocalDate pTo = p.validTo() == null ? null : date(file, key + ".valid-to", p.validTo());
            if (pFrom != null && pTo != null && pTo.isBefore(pFrom)) {
                throw invalid(file, key + ".valid-to", p.validTo(), "a day on or after valid-from " + p.validFrom());
            }
            List<Contract.QuantityBreak> breaks = new ArrayList<>();
            if (p.breaks() != null) {
                for (int j = 0; j < p.breaks().size(); j++) {
                    PartnerFile.Break b = p.breaks().get(j);
                    positive(file, key + ".breaks[" + j + "].min-quantity", b.minQuantity());
                    positive(file, key + ".breaks[" + j + "].unit-price", b.unitPrice());
                    breaks.add(new Contract.QuantityBreak(b.minQuantity(), b.unitPrice()));
                }
                if (breaks.stream().map(b -> b.minQuantity().stripTrailingZeros()).distinct().count() < breaks.size()) {
                    throw invalid(file, key + ".breaks", "min-quantity", "each min-quantity once");
                }
            }
            Contract.Price price = new Contract.Price(p.part().strip(), p.buyerPart() == null ? null : p.buyerPart().strip(),
                    p.description(), p.unit(), p.unitPrice(), pFrom, pTo, breaks);
            for (int k = 0; k < prices.size(); k++) {
                Contract.Price other = prices.get(k);
                if (other.part().equals(price.part()) && other.overlaps(price)) {
                    throw new PartnerConfigurationException(file + ": " + key + ": the price of part " + price.part()
                            + " valid " + validity(price) + " overlaps contract.prices[" + k + "] valid " + validity(other)
                            + "; a part has one price on any day");
                }
            }
            prices.add(price);
        }
        return new Contract(c.number().strip(), from, to, currency, prices, terms,
                c.supplierNumber() == null ? null : c.supplierNumber().strip(), c.orderLimit(), c.releaseLimit(), mismatch);
    }

    private static String validity(Contract.Price p) {
        return (p.validFrom() == null ? "from the start" : "from " + p.validFrom()) + " "
                + (p.validTo() == null ? "to the end" : "to " + p.validTo());
    }

    private static LocalDate date(Path file, String key, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(file, key, value, "a date as YYYY-MM-DD");
        }
    }

    private static void positive(Path file, String key, BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            throw invalid(file, key, value.toPlainString(), "a positive amount");
        }
    }

    private static <E extends Enum<E>> E enumValue(Path file, String key, String value, Class<E> type, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw invalid(file, key, value, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static PartnerConfigurationException invalid(Path file, String key, String value, String expected) {
        return new PartnerConfigurationException(file + ": " + key + ": '" + value + "' is not valid, expected " + expected);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return sb.toString();
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }

    public Optional<PartnerProfile> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The partner an interchange's ISA05/ISA06 names, if any. */
    public Optional<PartnerProfile> byInterchangeSender(String qualifier, String senderId) {
        return byId.values().stream().filter(p -> p.isInterchangeSender(qualifier, senderId)).findFirst();
    }

    /** The partner that sends AS2 messages as this AS2 name (AS2-From), if any. */
    public Optional<PartnerProfile> byAs2Id(String as2From) {
        return byId.values().stream().filter(p -> p.as2() != null && p.as2().partnerAs2Id().equals(as2From)).findFirst();
    }

    public Collection<PartnerProfile> all() {
        return byId.values();
    }

    private static Long maxFileBytes(Path file, Long value) {
        if (value != null && value < 1) {
            throw invalid(file, "sftp.max-file-bytes", value.toString(), "a positive number of bytes");
        }
        return value;
    }
}
