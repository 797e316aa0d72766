package io.edihub.cli;

import io.edihub.canonical.PlannedOrder;
import io.edihub.partner.PartnerConfigurationException;
import io.edihub.partner.PartnerDirectory;
import io.edihub.x12.AcknowledgmentWriter;
import io.edihub.x12.ControlNumbers;
import io.edihub.x12.GroupResult;
import io.edihub.x12.IntakeContext;
import io.edihub.x12.InterchangeReader;
import io.edihub.x12.InterchangeResult;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.TransactionResult;
import io.edihub.x12.TranslationJson;
import io.edihub.x12.X12Translator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code translate [--partners DIR] FILE...}: the hub's own parse, validation, mapping and
 * acknowledgments over local files, with no side effects. One JSON object per file on standard output.
 * Exit status 0 when every set was accepted, 1 when anything was rejected, 2 for usage errors.
 */
public final class TranslateCommand {

    public static final String NAME = "translate";
    private static final String USAGE = "usage: java -jar edi-hub.jar translate [--partners DIR] FILE...";

    /** StAEDI logs schema details through java.util.logging; standard error is for real problems. */
    private static final java.util.logging.Logger STAEDI_LOG = java.util.logging.Logger.getLogger("io.xlate");

    private TranslateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path partnersDir = Path.of(System.getenv().getOrDefault("EDIHUB_PARTNERS_DIR", "config/partners"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ("--partners".equals(args[i]) && i + 1 < args.length) {
                partnersDir = Path.of(args[++i]);
            } else if (args[i].startsWith("-")) {
                err.println("unknown option " + args[i]);
                err.println(USAGE);
                return 2;
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                err.println("cannot read " + f);
                return 2;
            }
        }
        STAEDI_LOG.setLevel(java.util.logging.Level.WARNING);
        PartnerDirectory partners;
        try {
            partners = PartnerDirectory.load(partnersDir);
        } catch (PartnerConfigurationException e) {
            err.println(e.getMessage());
            return 2;
        }
        OurIdentity us = new OurIdentity(System.getenv("EDIHUB_ISA_QUALIFIER"), System.getenv("EDIHUB_ISA_ID"),
                System.getenv("EDIHUB_GS_ID"), System.getenv("EDIHUB_USAGE_INDICATOR"));
        X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(us), Clock.systemUTC());
        IntakeContext context = new IntakeContext(Optional.empty(), partners, us, IntakeContext.DuplicateCheck.inMemory());
        ControlNumbers numbers = ControlNumbers.inMemory();
        boolean allAccepted = true;
        for (Path file : files) {
            Map<TransactionResult, PlannedOrder> orders = new IdentityHashMap<>();
            X12Translator.Translation translation;
            try (InputStream in = Files.newInputStream(file)) {
                translation = translator.translate(file.toString(), in, context, numbers, new X12Translator.Listener() {
                    @Override
                    public void transaction(InterchangeResult i, GroupResult g, TransactionResult t, PlannedOrder order) {
                        if (order != null) {
                            orders.put(t, order);
                        }
                    }
                });
            } catch (IOException e) {
                err.println("cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            allAccepted &= translation.result().fullyAccepted();
            try {
                out.println(TranslationJson.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(TranslationJson.of(translation, orders)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        out.flush();
        return allAccepted ? 0 : 1;
    }
}
