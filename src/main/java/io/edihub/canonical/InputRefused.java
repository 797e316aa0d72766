package io.edihub.canonical;

/**
 * A business document refused for what it says, before anything of it was written: a stable machine-readable code,
 * where in the document, and what is wrong in plain words. Each module that refuses documents has its own subtype, so
 * a caller catches only the refusals it answers.
 */
public abstract class InputRefused extends RuntimeException {

    private final String code;
    private final String location;

    protected InputRefused(String code, String location, String message) {
        super(message);
        this.code = code;
        this.location = location;
    }

    public String code() {
        return code;
    }

    /** Where in the document: a field, {@code lines/2} … */
    public String location() {
        return location;
    }
}
