package org.govshare.exchange.web;

import org.govshare.platform.ConsolePage;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationView;
import org.govshare.exchange.DataServiceDocs;
import org.govshare.exchange.DataServiceDocs.ClientServices;
import org.govshare.exchange.DataServiceDocs.ServiceDescription;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.sharing.GrantState;
import org.govshare.sharing.SharingManagement;
import org.govshare.sharing.SharingManagement.GrantFilter;
import org.govshare.sharing.SharingManagement.Side;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The console's 数据服务接口 page of a resource (endpoints, record items, examples, a try-it form that
 * calls the real data service with a key typed into the page) and 我的可用接口, the department's
 * client applications with what each may call now.
 */
@ConsolePage
@RequestMapping("/data-services")
class DataServiceDocsConsoleController {

    static final String PURPOSE_EXAMPLE = "业务办理核验";

    private final DataServiceDocs docs;
    private final DirectoryManagement directory;
    private final SharingManagement sharing;

    DataServiceDocsConsoleController(DataServiceDocs docs, DirectoryManagement directory, SharingManagement sharing) {
        this.docs = docs;
        this.directory = directory;
        this.sharing = sharing;
    }

    @GetMapping("/{classification}/{serial}")
    String service(@PathVariable String classification, @PathVariable String serial, Model model) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        ServiceDescription d = docs.describe(classification + "/" + serial, base);
        model.addAttribute("d", d);
        model.addAttribute("provider", directory.findOrganization(d.providerId()).map(OrganizationView::name).orElse(""));
        model.addAttribute("openApi", "/api/v1/data-services/" + d.resourceCode() + "/openapi.json");
        model.addAttribute("dataBase", "/api/v1/data/" + d.resourceCode());
        List<String> purposes = grantedPurposes(d.resourceId());
        model.addAttribute("purposes", purposes);
        model.addAttribute("purposeExample", purposes.isEmpty() ? PURPOSE_EXAMPLE : purposes.get(0));
        model.addAttribute("keyExample", d.items().stream().filter(DataServiceDocs.DescribedItem::key)
            .map(DataServiceDocs.DescribedItem::example).findFirst().orElse(""));
        model.addAttribute("queryHint", d.items().stream().filter(i -> !i.filters().isEmpty() && !i.key()).findFirst()
            .or(() -> d.items().stream().filter(i -> !i.filters().isEmpty()).findFirst())
            .map(i -> i.codeName() + "=" + i.example() + "&size=5").orElse("size=5"));
        model.addAttribute("verifyBody", d.endpoints().stream().filter(e -> e.exampleBody() != null)
            .map(DataServiceDocs.Endpoint::exampleBody).findFirst().orElse(""));
        return "exchange/service";
    }

    /**
     * The purposes the department's client applications were granted on the resource, for the try-it
     * form: one page of its active grants there (a department holds a handful), nothing else read.
     */
    private List<String> grantedPurposes(UUID resourceId) {
        Actor actor = CurrentActor.require();
        if (actor.isClient() || actor.organizationId() == null) {
            return List.of();
        }
        return sharing.grants(new GrantFilter(Side.CONSUMER, GrantState.ACTIVE, resourceId, false, null), 0, 100)
            .items().stream().flatMap(g -> g.purposes().stream()).distinct().toList();
    }

    @GetMapping("/mine")
    String mine(Model model) {
        List<ClientServices> clients = docs.departmentServices();
        Map<UUID, String> providers = directory.allOrganizations().stream()
            .collect(Collectors.toMap(OrganizationView::id, OrganizationView::name, (a, b) -> a));
        model.addAttribute("clients", clients);
        model.addAttribute("providers", providers);
        return "exchange/mine";
    }
}
