package sale.itmall.assurance.portal.staff;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.returns.InstalledBaseImport;

/**
 * The service administrator's import page: upload a CSV (optionally as a dry run), watch its progress, read every
 * rejected row; below, every import so far with who ran it and what it did.
 */
@Controller
class InstalledBasePages {

    private final InstalledBaseImport importer;
    private final TaskExecutor executor;

    InstalledBasePages(InstalledBaseImport importer, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.importer = importer;
        this.executor = executor;
    }

    @GetMapping("/staff/installed-base")
    String page(Model model) {
        model.addAttribute("history", importer.history());
        model.addAttribute("columns", String.join(",", InstalledBaseImport.COLUMNS));
        return "installed-base";
    }

    /** Reads the file in the request and runs the import in the background; the page shows its progress. */
    @PostMapping("/staff/installed-base")
    String upload(
            Principal me,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            RedirectAttributes redirect)
            throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "Choose a CSV file to import.");
            return "redirect:/staff/installed-base";
        }
        String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
        String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        long id = importer.begin(me.getName(), name, dryRun);
        executor.execute(() -> importer.run(id, new StringReader(csv), dryRun));
        return "redirect:/staff/installed-base/" + id;
    }

    @GetMapping("/staff/installed-base/{importId}")
    String status(@PathVariable long importId, Model model) {
        model.addAttribute("i", importer.status(importId));
        return "installed-base-import";
    }

    /** What the page's script polls while the import runs. */
    @GetMapping(path = "/staff/installed-base/{importId}", produces = "application/json")
    @ResponseBody
    InstalledBaseImport.ImportRecord progress(@PathVariable long importId) {
        return importer.status(importId);
    }
}
