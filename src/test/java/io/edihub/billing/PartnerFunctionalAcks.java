package io.edihub.billing;

import java.util.ArrayList;
import java.util.List;

/** 997s acme sends about what the hub sent it: one group, one set, accepted or rejected. */
public final class PartnerFunctionalAcks {

    private PartnerFunctionalAcks() {
    }

    /**
     * A 997 from acme about one of our groups.
     *
     * @param functionalId our group's GS01 ({@code IN} for 810s, {@code SH} for 856s, {@code PR} for 855s)
     * @param transaction  the set it acknowledges ({@code 810}, ...)
     * @param status       A or R; a rejection points at an IT1 price (a made-up partner complaint)
     */
    public static String about(String isa13, String functionalId, String group, String transaction, String status) {
        int gs = Integer.parseInt(isa13);
        boolean rejected = status.equals("R");
        List<String> segments = new ArrayList<>(List.of(
                "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *270121*0900*U*00401*" + isa13 + "*0*P*>",
                "GS*FA*ACMEFED*EDIHUB*20270121*0900*" + gs + "*X*004010",
                "ST*997*0001",
                "AK1*" + functionalId + "*" + group,
                "AK2*" + transaction + "*0001"));
        if (rejected) {
            segments.addAll(List.of("AK3*IT1*6**8", "AK4*3*355*7*XX", "AK5*R*5", "AK9*R*1*1*0", "SE*8*0001"));
        } else {
            segments.addAll(List.of("AK5*A", "AK9*A*1*1*1", "SE*6*0001"));
        }
        segments.addAll(List.of("GE*1*" + gs, "IEA*1*" + isa13));
        return String.join("~\n", segments) + "~\n";
    }
}
