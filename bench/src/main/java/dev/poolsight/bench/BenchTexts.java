package dev.poolsight.bench;

/**
 * Message texts of a chosen size, cut from ordinary prose (English; Russian and Arabic for the estimator's words of
 * other scripts; Portuguese and Turkish for its Latin words of other languages) so that tokenizers see realistic
 * input. The paragraphs other than English were written for Poolsight.
 */
final class BenchTexts {

    private static final String PROSE = "When an agent answers a user, it first reads the recent turns of the"
            + " conversation from Redis, sends them with the new question to the language model, and then appends"
            + " both the question and the answer. Each of those steps borrows a connection from the pool. If the"
            + " pool is too small, callers queue for a connection and the wait shows up as latency that has nothing"
            + " to do with Redis itself; if it is too large, idle connections hold memory on both sides. The right"
            + " size keeps utilization between sixty and eighty percent at peak, waits under ten milliseconds and"
            + " exhaustion at zero. ";

    private static final String RUSSIAN = "Когда агент отвечает пользователю, он сначала читает последние реплики"
            + " разговора из Redis, отправляет их вместе с новым вопросом языковой модели, а затем добавляет"
            + " и вопрос, и ответ. Каждый из этих шагов берёт соединение из пула. Если пул"
            + " слишком мал, запросы ждут в очереди, и это ожидание видно как задержка, к которой"
            + " сам Redis не имеет отношения. ";
    private static final String ARABIC = "عندما يجيب الوكيل على المستخدم، يقرأ أولاً آخر رسائل المحادثة"
            + " من Redis، ثم يرسلها مع السؤال الجديد إلى النموذج اللغوي، ثم يضيف السؤال"
            + " والجواب معاً. كل خطوة من هذه الخطوات تأخذ اتصالاً من المجموعة. إذا كانت"
            + " المجموعة صغيرة جداً تنتظر الطلبات في الطابور، ويظهر الانتظار تأخيراً لا"
            + " علاقة له بـ Redis نفسه. ";
    private static final String PORTUGUESE = "Quando um agente responde a um usuário, ele primeiro lê as últimas"
            + " mensagens da conversa no Redis, envia-as com a nova pergunta ao modelo de linguagem e depois"
            + " acrescenta a pergunta e a resposta. Cada um desses passos pega uma conexão do pool. Se o pool for"
            + " pequeno demais, as chamadas esperam na fila, e essa espera aparece como latência que não tem nada a"
            + " ver com o próprio Redis. ";
    private static final String TURKISH = "Bir ajan kullanıcıya yanıt verdiğinde, önce Redis'ten konuşmanın son"
            + " mesajlarını okur, bunları yeni soruyla birlikte dil modeline gönderir ve ardından hem soruyu hem de"
            + " yanıtı ekler. Bu adımların her biri havuzdan bir bağlantı alır. Havuz çok küçükse, çağrılar kuyrukta"
            + " bekler ve bu bekleme, Redis'in kendisiyle hiçbir ilgisi olmayan bir gecikme olarak görünür. ";

    private BenchTexts() {
    }

    /** English prose of exactly {@code size} characters. */
    static String english(int size) {
        return repeated(PROSE, size);
    }

    /**
     * Prose of exactly {@code size} characters in {@code language}: english, russian, arabic, portuguese or
     * turkish.
     *
     * @throws IllegalArgumentException for another language
     */
    static String prose(String language, int size) {
        return switch (language) {
            case "english" -> english(size);
            case "russian" -> repeated(RUSSIAN, size);
            case "arabic" -> repeated(ARABIC, size);
            case "portuguese" -> repeated(PORTUGUESE, size);
            case "turkish" -> repeated(TURKISH, size);
            default -> throw new IllegalArgumentException("language \"" + language
                    + "\": no prose; accepted: english, russian, arabic, portuguese, turkish");
        };
    }

    private static String repeated(String paragraph, int size) {
        StringBuilder text = new StringBuilder(size + paragraph.length());
        while (text.length() < size) {
            text.append(paragraph);
        }
        return text.substring(0, size);
    }
}
