package sale.itmall.assurance.portal.customer;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import sale.itmall.assurance.returns.ProofFile;
import sale.itmall.assurance.returns.ReturnRequests;

/**
 * A return request as the wizard (multipart form) or an API client (JSON or multipart) submits it. Items left
 * unselected in the wizard are ignored; nothing is written unless every selected item is acceptable.
 */
public class ReturnForm {

    private String orderNumber;
    private List<ItemForm> items = new ArrayList<>();

    public static class ItemForm {
        private boolean selected = true;
        private String serialNumber;
        private String faultDescription;
        private List<MultipartFile> proofs = new ArrayList<>();

        public boolean isSelected() {
            return selected;
        }

        public void setSelected(boolean selected) {
            this.selected = selected;
        }

        public String getSerialNumber() {
            return serialNumber;
        }

        public void setSerialNumber(String serialNumber) {
            this.serialNumber = serialNumber;
        }

        public String getFaultDescription() {
            return faultDescription;
        }

        public void setFaultDescription(String faultDescription) {
            this.faultDescription = faultDescription;
        }

        public List<MultipartFile> getProofs() {
            return proofs;
        }

        public void setProofs(List<MultipartFile> proofs) {
            this.proofs = proofs == null ? new ArrayList<>() : proofs;
        }
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public void setOrderNumber(String orderNumber) {
        this.orderNumber = orderNumber;
    }

    public List<ItemForm> getItems() {
        return items;
    }

    public void setItems(List<ItemForm> items) {
        this.items = items == null ? new ArrayList<>() : items;
    }

    /** The selected items with their proofs checked by content. */
    public List<ReturnRequests.Item> toItems() {
        List<ReturnRequests.Item> result = new ArrayList<>();
        for (ItemForm item : items) {
            if (!item.selected || item.serialNumber == null) {
                continue;
            }
            List<ProofFile> proofs = Uploads.proofs("items[" + item.serialNumber + "].proofs", item.proofs);
            result.add(new ReturnRequests.Item(item.serialNumber, item.faultDescription, proofs));
        }
        return result;
    }
}
