package io.edihub.x12;

/**
 * One thing wrong with an input, as the operator and the translate command see it.
 *
 * @param segment  the segment id ({@code PO1}), or null for a file-level error
 * @param position the segment's position in its transaction set (ST = 1) or, outside a set, in the file
 * @param element  the element position in the segment, or null for a segment-level error
 * @param code     a stable name for the kind of error ({@code INVALID_CODE_VALUE}, {@code DUPLICATE_INTERCHANGE})
 * @param message  what is wrong, in words, with the value where it helps
 */
record X12Error(String segment, Integer position, Integer element, String code, String message) {

    public static X12Error file(String code, String message) {
        return new X12Error(null, null, null, code, message);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (segment != null) {
            sb.append(segment);
            if (element != null) {
                sb.append(element < 10 ? "0" : "").append(element);
            }
            if (position != null) {
                sb.append(" (segment ").append(position).append(')');
            }
            sb.append(": ");
        }
        return sb.append(message).append(" [").append(code).append(']').toString();
    }
}
