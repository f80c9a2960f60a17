package vn.binhduong.sct.contract.covid;

import vn.binhduong.sct.contract.common.Labelled;

/** The format of an uploaded file of test results ({@code TestResultsUploaded.format}), from its Content-Type. */
public enum UploadFormat implements Labelled {
    CSV("tệp CSV (các giá trị phân tách bằng dấu phẩy)"),
    NDJSON("tệp NDJSON (mỗi dòng một bản ghi JSON)");

    private final String label;

    UploadFormat(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
