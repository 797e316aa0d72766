package io.edihub.billing;

/** 861 receiving advices from acme, made to measure for the whole-hub tests. */
public final class Acceptance861Samples {

    private Acceptance861Samples() {
    }

    /** Line 1 of one release: 80 accepted, 15 returned, 5 in question (condition 01). */
    public static String partial(String po, String releaseId, String acceptanceId, String isa13) {
        return of(po, releaseId, acceptanceId, isa13, "RCD*1*80*EA*15*EA*5*EA*01");
    }

    /** One RCD loop for line 1 of one release, as given ({@code RCD*1*80*EA*15*EA}). */
    public static String of(String po, String releaseId, String acceptanceId, String isa13, String rcd) {
        int group = Integer.parseInt(isa13);
        return String.join("~\n",
                "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *270120*1030*U*00401*" + isa13 + "*0*P*>",
                "GS*RC*ACMEFED*EDIHUB*20270120*1030*" + group + "*X*004010",
                "ST*861*0001",
                "BRA*" + acceptanceId + "*20270120*00*8",
                "DTM*050*20270119",
                "PRF*" + po + "*" + releaseId,
                rcd,
                "LIN*1*BP*ACM-77812*VP*EH-1001",
                "CTT*1",
                "SE*8*0001",
                "GE*1*" + group,
                "IEA*1*" + isa13) + "~\n";
    }
}
