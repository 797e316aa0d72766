package io.edihub.edifact;

import io.edihub.canonical.InputError;

/**
 * One problem with an interchange: the error as the sender reads it, and where a CONTRL pins it.
 *
 * @param messageReference UNH 0062 of the message it is in; null for the interchange envelope
 * @param messageLevel     about the message envelope (UNH / UNT: the CONTRL's UCM) rather than a body segment
 */
record Finding(InputError error, EdifactInterchange.SyntaxError pin, String messageReference, boolean messageLevel) {

    static Finding interchange(String location, String code, String message, String syntaxCode, String tag,
            int element) {
        return new Finding(new InputError(location, code, message),
                new EdifactInterchange.SyntaxError(syntaxCode, tag, 0, element, 0), null, false);
    }

    static Finding message(String messageReference, String location, String code, String message, String syntaxCode,
            String tag, int element) {
        return new Finding(new InputError(location, code, message),
                new EdifactInterchange.SyntaxError(syntaxCode, tag, 0, element, 0), messageReference, true);
    }

    static Finding segment(String messageReference, String location, String code, String message, String syntaxCode,
            String tag, int position, int element, int component) {
        return new Finding(new InputError(location, code, message),
                new EdifactInterchange.SyntaxError(syntaxCode, tag, position, element, component), messageReference,
                false);
    }

    /** "segment 14 QTY (message 0001, line 2)": where the sender finds it. */
    static String location(int position, String tag, String messageReference, String line) {
        StringBuilder s = new StringBuilder("segment ").append(position).append(' ').append(tag).append(" (message ")
                .append(messageReference);
        if (line != null) {
            s.append(", line ").append(line);
        }
        return s.append(')').toString();
    }
}
