package io.edihub.canonical;

/**
 * Something wrong in a customer's document, said so the sender can find and fix it.
 *
 * @param location where: a JSON pointer ({@code /lines/2/schedule/0/quantity}), a CSV row and column
 *                 ({@code row 7, column unit_price}), an EDIFACT segment ({@code segment 14 QTY}), ...
 * @param code     a stable machine-readable code ({@code SCHEMA}, {@code BAD_NUMBER}, {@code MIXED_PO}, ...)
 * @param message  what is wrong, in plain words
 */
public record InputError(String location, String code, String message) {

    @Override
    public String toString() {
        return location + ": " + message + " [" + code + "]";
    }
}
