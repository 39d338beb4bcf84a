import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Validates each PDF named on the command line against PDF/UA-1 and prints one line per file,
 *  "PATH<TAB>passed|failed<TAB>N failed rules", then one "  rule CLAUSE-TEST: DESCRIPTION (COUNT)" line each. */
public final class Validate {
    public static void main(String[] args) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        int failedFiles = 0;
        for (String path : args) {
            try (InputStream in = new FileInputStream(path);
                 PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFUA_1);
                 PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
                ValidationResult result = validator.validate(parser);
                Map<String, String> rules = new TreeMap<>();
                Map<String, Integer> counts = new TreeMap<>();
                for (TestAssertion assertion : result.getTestAssertions()) {
                    if (assertion.getStatus() != TestAssertion.Status.FAILED) continue;
                    String rule = assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber();
                    rules.put(rule, assertion.getMessage());
                    counts.merge(rule, 1, Integer::sum);
                }
                System.out.println(path + "\t" + (result.isCompliant() ? "passed" : "failed") + "\t" + rules.size() + " failed rules");
                for (Map.Entry<String, String> rule : rules.entrySet()) {
                    System.out.println("  rule " + rule.getKey() + ": " + rule.getValue().replaceAll("\\s+", " ") + " (" + counts.get(rule.getKey()) + ")");
                }
                if (!result.isCompliant()) failedFiles++;
            }
        }
        System.exit(failedFiles == 0 ? 0 : 1);
    }
}
