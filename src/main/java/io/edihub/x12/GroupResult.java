package io.edihub.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on one functional group (GS..GE): what its 997 says.
 */
public final class GroupResult {

    /** GS08: the X12 release (003010 to 008050), then an optional industry suffix such as VICS or X222. */
    private static final java.util.regex.Pattern SUPPORTED_VERSION = java.util.regex.Pattern.compile("00[3-8]0[0-9]0[A-Z0-9]{0,6}");

    private final String functionalId;
    private final String controlNumber;
    private final String version;
    private final String applicationSender;
    private final String applicationReceiver;
    final List<TransactionResult> transactions = new ArrayList<>();
    /** AK905..AK909 codes for the group itself. */
    final List<String> ak9Codes = new ArrayList<>();
    final List<X12Error> errors = new ArrayList<>();
    Integer declaredTransactionCount;

    GroupResult(String functionalId, String controlNumber, String version, String applicationSender,
            String applicationReceiver) {
        this.functionalId = functionalId;
        this.controlNumber = controlNumber;
        this.version = version;
        this.applicationSender = applicationSender;
        this.applicationReceiver = applicationReceiver;
    }

    public String functionalId() {
        return functionalId;
    }

    public String controlNumber() {
        return controlNumber;
    }

    /** GS08, e.g. {@code 004010}: the 997 answers in this version. */
    public String version() {
        return version;
    }

    /** Whether the hub reads (and answers in) this group's version. */
    public boolean versionSupported() {
        return SUPPORTED_VERSION.matcher(version).matches();
    }

    public String applicationSender() {
        return applicationSender;
    }

    public String applicationReceiver() {
        return applicationReceiver;
    }

    public List<TransactionResult> transactions() {
        return List.copyOf(transactions);
    }

    public List<X12Error> errors() {
        return List.copyOf(errors);
    }

    public boolean rejected() {
        return !ak9Codes.isEmpty() || !errors.isEmpty() || accepted() == 0;
    }

    /** AK901: A, E, P or R. */
    public String ak9Status() {
        if (!ak9Codes.isEmpty() || !errors.isEmpty()) {
            return "R";
        }
        long accepted = accepted();
        if (accepted == 0) {
            return "R";
        }
        if (accepted < transactions.size()) {
            return "P";
        }
        boolean warned = transactions.stream().anyMatch(t -> t.status() == TransactionResult.Status.ACCEPTED_WITH_ERRORS);
        return warned ? "E" : "A";
    }

    public long accepted() {
        return transactions.stream().filter(t -> t.status() != TransactionResult.Status.REJECTED).count();
    }

    void reject(String ak9Code, X12Error error) {
        if (ak9Code != null && !ak9Codes.contains(ak9Code) && ak9Codes.size() < 5) {
            ak9Codes.add(ak9Code);
        }
        errors.add(error);
    }
}
