package org.medsign.dev.his;

import java.util.SplittableRandom;

/** Realistic record texts and people for the HIS stand-in: what a nurse or physician would write, varied by seed. */
final class HisContent {

    static final String[] FAMILY = {"陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "郭", "洪",
        "曾", "邱", "廖", "賴", "周"};
    static final String[] GIVEN = {"志", "美", "淑", "俊", "怡", "家", "雅", "明", "宗", "秀", "建", "玉", "文", "惠", "國",
        "麗", "佳", "承", "欣", "宏"};
    private static final String[] COMPLAINTS = {"胸悶", "頭暈", "腹痛", "發燒", "呼吸喘", "傷口疼痛", "食慾不振", "失眠"};
    private static final String[] CARE = {"協助翻身並評估皮膚完整性", "衛教跌倒預防", "依醫囑給予止痛藥物", "監測生命徵象每四小時一次",
        "協助下床活動", "更換傷口敷料", "鼓勵深呼吸及咳嗽", "記錄輸入輸出量"};
    private static final String[] DRUGS = {"Acetaminophen 500mg PO Q6H PRN", "Ceftriaxone 1g IV Q12H",
        "Furosemide 20mg IV QD", "Metformin 500mg PO BID", "Amlodipine 5mg PO QD", "Omeprazole 20mg PO QD"};
    private static final String[] PLACES = {"臺北市中正區", "新北市板橋區", "臺北市大安區", "新北市新店區", "臺北市萬華區"};

    private HisContent() {
    }

    static String patientName(SplittableRandom random) {
        return pick(random, FAMILY) + pick(random, GIVEN) + pick(random, GIVEN);
    }

    static String text(String type, SplittableRandom random, int version) {
        String vitals = "體溫 " + (36 + random.nextInt(3)) + "." + random.nextInt(10) + "°C，脈搏 " + (60 + random.nextInt(50))
                + " 次/分，呼吸 " + (14 + random.nextInt(10)) + " 次/分，血壓 " + (100 + random.nextInt(50)) + "/"
                + (60 + random.nextInt(30)) + " mmHg。";
        String body = switch (type) {
            case "TRANSFER" -> "自" + pick(random, PLACES) + "轉送本院急診。途中" + vitals + "意識清楚，給予氧氣 "
                    + (2 + random.nextInt(4)) + " L/min，全程生命徵象穩定。";
            case "HOME_CARE_ORDER" -> "居家訪視：" + vitals + "醫囑：" + pick(random, DRUGS) + "；每 "
                    + (1 + random.nextInt(4)) + " 週訪視一次，更換鼻胃管及導尿管。";
            case "NURSING" -> "病人主訴" + pick(random, COMPLAINTS) + "。" + vitals + "護理措施：" + pick(random, CARE) + "，"
                    + pick(random, CARE) + "。";
            case "PROGRESS" -> "S: 病人" + pick(random, COMPLAINTS) + "較前改善。O: " + vitals + "A: 病況穩定。P: 繼續目前治療，"
                    + pick(random, DRUGS) + "。";
            case "ORDER" -> "醫囑：" + pick(random, DRUGS) + "；" + pick(random, DRUGS) + "；明晨抽血 CBC、BUN、Cr。";
            case "DISCHARGE" -> "出院診斷：肺炎。住院經過：給予抗生素治療 " + (5 + random.nextInt(9)) + " 日，症狀緩解。出院帶藥："
                    + pick(random, DRUGS) + "。門診追蹤。";
            default -> "入院原因：" + pick(random, COMPLAINTS) + " " + (1 + random.nextInt(7)) + " 天。" + vitals;
        };
        return version == 1 ? body : body + "\n（第 " + version + " 版修正：補充" + pick(random, CARE) + "。）";
    }

    static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
