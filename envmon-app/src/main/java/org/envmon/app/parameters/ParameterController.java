package org.envmon.app.parameters;

import org.envmon.app.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.envmon.model.ParameterInfo;
import org.envmon.model.Store;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The parameter catalogue (HJ 212 codes, names, units). */
@RestController
@RequestMapping("/api/v1/parameters")
@Tag(name = "parameters", description = "HJ 212 parameter codes with names and units")
public class ParameterController {
    private final Store store;

    public ParameterController(Store store) {
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "All catalogued parameters, ordered by code")
    public List<ParameterInfo> list() {
        return store.parameters().list();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One parameter")
    public ParameterInfo parameter(@PathVariable String code) {
        return store.parameters().byCode(code)
                .orElseThrow(() -> new NotFoundException("no parameter with code " + code));
    }
}
