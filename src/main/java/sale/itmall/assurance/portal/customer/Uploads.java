package sale.itmall.assurance.portal.customer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import sale.itmall.assurance.returns.ProofFile;

/** Files a customer uploads (a return's proofs, an answer to TAC), each checked by its content by {@link ProofFile}. */
public final class Uploads {

    private Uploads() {}

    /** The files chosen, checked; the empty part a browser sends when no file was chosen is skipped. */
    public static List<ProofFile> proofs(String field, List<MultipartFile> files) {
        List<ProofFile> proofs = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file == null
                    || file.isEmpty()
                            && (file.getOriginalFilename() == null
                                    || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                proofs.add(ProofFile.check(field, file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return proofs;
    }
}
