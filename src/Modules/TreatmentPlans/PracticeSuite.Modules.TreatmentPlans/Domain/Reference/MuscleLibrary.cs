namespace PracticeSuite.Modules.TreatmentPlans.Domain.Reference;

/// <summary>
/// Where a muscle's trigger points send pain. <see cref="PrimarySite"/> is where the referral is felt most (the
/// "essential" zone of the literature); <see cref="Sites"/> includes it. Described in words for the therapist, with its source.
/// </summary>
internal sealed record ReferralPattern(string PrimarySite, IReadOnlyList<string> Sites, string Description, string Source);

/// <param name="Code">Stable; a clinic's own muscles start with "clinic-".</param>
/// <param name="Sided">A muscle of each side: a trigger point in it is recorded with its side.</param>
/// <param name="Shipped">From the product's library (clinics add their own beside it, never change these).</param>
internal sealed record Muscle(string Code, string Name, string Region, bool Sided, ReferralPattern Pattern, bool Shipped = true);

/// <summary>The muscles the product ships, each with its trigger-point referral pattern.</summary>
internal static class MuscleLibrary
{
    public const string HeadAndNeck = "Head and neck";
    public const string ShoulderAndArm = "Shoulder and arm";
    public const string ForearmAndHand = "Forearm and hand";
    public const string Trunk = "Trunk";
    public const string HipAndThigh = "Hip and thigh";
    public const string LegAndFoot = "Leg and foot";

    public static readonly IReadOnlyList<string> Regions = [HeadAndNeck, ShoulderAndArm, ForearmAndHand, Trunk, HipAndThigh, LegAndFoot];

    // Sources, cited per row. Volume 1 covers the upper half of the body, volume 2 the lower extremities.
    private const string UpperHalf = "Travell & Simons, Myofascial Pain and Dysfunction: The Trigger Point Manual, vol. 1, upper half of body";
    private const string LowerHalf = "Travell & Simons, Myofascial Pain and Dysfunction: The Trigger Point Manual, vol. 2, the lower extremities";

    private static Muscle M(string code, string name, string region, string primary, string[] sites, string description, string source, bool sided = true) =>
        new(code, name, region, sided, new ReferralPattern(primary, sites, description, source));

    public static IReadOnlyList<Muscle> Shipped { get; } =
    [
        // The domain guide's table.
        M("upper-trapezius", "Upper trapezius", HeadAndNeck, "side-of-neck", ["side-of-neck", "behind-ear", "temple"],
            "Up the side of the neck to behind the ear and into the temple: a common source of tension headache.", UpperHalf),
        M("levator-scapulae", "Levator scapulae", HeadAndNeck, "angle-of-neck", ["angle-of-neck", "inner-shoulder-blade"],
            "The angle of the neck and shoulder, down the inner edge of the shoulder blade; the stiff neck that will not turn.", UpperHalf),
        M("sternocleidomastoid", "Sternocleidomastoid", HeadAndNeck, "forehead", ["forehead", "around-eye", "ear", "back-of-head"],
            "Forehead, around the eye, the ear and the back of the head; headache, sometimes dizziness.", UpperHalf),
        M("suboccipitals", "Suboccipitals", HeadAndNeck, "back-of-head", ["back-of-head", "around-eye"],
            "A band from the back of the head forward to the eye; headache.", UpperHalf),
        M("scalenes", "Scalenes", HeadAndNeck, "chest", ["chest", "front-of-upper-arm", "back-of-upper-arm", "thumb-side-forearm", "thumb", "inner-shoulder-blade"],
            "Chest, front and back of the upper arm, the thumb side of the forearm and hand, the inner edge of the shoulder blade; thoracic-outlet-like and carpal-tunnel-like symptoms.", UpperHalf),
        M("temporalis", "Temporalis", HeadAndNeck, "temple", ["temple", "teeth", "eyebrow"],
            "Temple, upper teeth and eyebrow; headache and jaw pain.", UpperHalf),
        M("masseter", "Masseter", HeadAndNeck, "jaw", ["jaw", "teeth", "ear", "eyebrow"],
            "Jaw, the molars, the ear and the eyebrow; TMJ disorder and jaw pain.", UpperHalf),
        M("infraspinatus", "Infraspinatus", ShoulderAndArm, "front-of-shoulder", ["front-of-shoulder", "front-of-upper-arm", "thumb-side-forearm"],
            "Deep in the front of the shoulder, down the front and side of the arm; shoulder pain.", UpperHalf),
        M("supraspinatus", "Supraspinatus", ShoulderAndArm, "deltoid", ["deltoid", "outer-elbow"],
            "The middle of the deltoid, sometimes to the outer elbow; shoulder pain.", UpperHalf),
        M("subscapularis", "Subscapularis", ShoulderAndArm, "back-of-shoulder", ["back-of-shoulder", "around-wrist"],
            "The back of the shoulder and a band around the wrist; frozen shoulder.", UpperHalf),
        M("pectoralis-minor", "Pectoralis minor", ShoulderAndArm, "front-of-shoulder", ["front-of-shoulder", "inner-arm", "little-fingers"],
            "Front of the shoulder, down the inner arm to the last fingers; thoracic-outlet-like symptoms.", UpperHalf),
        M("wrist-extensors", "Wrist extensors", ForearmAndHand, "outer-elbow", ["outer-elbow", "back-of-forearm", "back-of-hand"],
            "Outer elbow, the back of the forearm and hand; lateral epicondylitis (tennis elbow).", UpperHalf),
        M("wrist-flexors", "Wrist flexors", ForearmAndHand, "front-of-wrist", ["front-of-wrist", "palm"],
            "Front of the wrist and the palm; carpal-tunnel-like symptoms, medial epicondylitis.", UpperHalf),
        M("pronator-teres", "Pronator teres", ForearmAndHand, "front-of-wrist", ["front-of-wrist", "palm", "thumb-side-forearm"],
            "Deep in the front of the wrist on the thumb side, and the palm; carpal-tunnel-like symptoms.", UpperHalf),
        M("quadratus-lumborum", "Quadratus lumborum", Trunk, "sacroiliac", ["sacroiliac", "buttock", "outer-hip"],
            "The sacroiliac joint, the buttock and the outer hip; low back pain.", LowerHalf),
        M("iliopsoas", "Iliopsoas", Trunk, "lumbar-spine", ["lumbar-spine", "front-of-thigh"],
            "Along the lumbar spine and down the front of the thigh; low back pain.", LowerHalf),
        M("gluteus-medius", "Gluteus medius", HipAndThigh, "iliac-crest", ["iliac-crest", "sacrum", "buttock"],
            "Along the back of the iliac crest, the sacrum and the buttock; low back and hip pain.", LowerHalf),
        M("gluteus-minimus", "Gluteus minimus", HipAndThigh, "outer-thigh", ["outer-thigh", "back-of-thigh", "outer-leg", "ankle"],
            "Down the outer and back of the thigh and leg to the ankle; sciatica-like pain.", LowerHalf),
        M("piriformis", "Piriformis", HipAndThigh, "buttock", ["sacroiliac", "buttock", "back-of-thigh"],
            "The sacroiliac region, across the buttock and down the back of the thigh; sciatica-like pain.", LowerHalf),
        M("tensor-fasciae-latae", "Tensor fasciae latae", HipAndThigh, "outer-thigh", ["outer-thigh", "outer-hip"],
            "Down the outer thigh from the hip; hip pain, iliotibial band friction.", LowerHalf),
        M("rectus-femoris", "Rectus femoris", HipAndThigh, "front-of-knee", ["front-of-knee", "front-of-thigh"],
            "Around and above the kneecap, deep in the front of the knee; knee pain.", LowerHalf),
        M("vastus-medialis", "Vastus medialis", HipAndThigh, "front-of-knee", ["front-of-knee", "inner-knee"],
            "The front and inner side of the knee; knee pain, a knee that gives way.", LowerHalf),
        M("gastrocnemius", "Gastrocnemius", LegAndFoot, "calf", ["instep", "back-of-knee", "calf"],
            "The instep, the back of the knee and the calf; calf cramps.", LowerHalf),
        M("soleus", "Soleus", LegAndFoot, "heel", ["heel", "calf"],
            "The back and underside of the heel and the back of the calf; heel pain.", LowerHalf),
        M("quadratus-plantae", "Quadratus plantae", LegAndFoot, "heel", ["heel", "sole"],
            "The underside of the heel; plantar fasciitis.", LowerHalf),
        M("abductor-hallucis", "Abductor hallucis", LegAndFoot, "heel", ["heel", "sole"],
            "The inner side of the heel and the instep of the sole; plantar fasciitis.", LowerHalf),

        // Further muscles a clinic meets every week.
        M("splenius-capitis", "Splenius capitis", HeadAndNeck, "top-of-head", ["top-of-head"],
            "The top of the head on the same side; headache after whiplash or a cold draught.", UpperHalf),
        M("splenius-cervicis", "Splenius cervicis", HeadAndNeck, "back-of-head", ["back-of-head", "around-eye", "angle-of-neck"],
            "Through the head to behind the eye, and the angle of the neck; headache, stiff neck.", UpperHalf),
        M("semispinalis-capitis", "Semispinalis capitis", HeadAndNeck, "back-of-head", ["back-of-head", "temple"],
            "A band around the side of the head towards the temple; headache.", UpperHalf),
        M("lateral-pterygoid", "Lateral pterygoid", HeadAndNeck, "jaw", ["jaw", "cheek"],
            "Deep in the jaw joint and the cheekbone; TMJ disorder, clicking jaw.", UpperHalf),
        M("digastric", "Digastric", HeadAndNeck, "teeth", ["teeth", "jaw"],
            "The lower front teeth and under the jaw; jaw pain, a sore throat that is not one.", UpperHalf),
        M("rhomboids", "Rhomboids", Trunk, "inner-shoulder-blade", ["inner-shoulder-blade"],
            "Along the inner edge of the shoulder blade; the ache between the shoulder blades of desk work.", UpperHalf),
        M("serratus-posterior-superior", "Serratus posterior superior", Trunk, "shoulder-blade", ["shoulder-blade", "back-of-shoulder", "back-of-upper-arm", "little-fingers"],
            "Deep under the upper shoulder blade, the back of the shoulder and arm to the little finger.", UpperHalf),
        M("latissimus-dorsi", "Latissimus dorsi", Trunk, "shoulder-blade", ["shoulder-blade", "back-of-upper-arm", "little-fingers"],
            "Around the lower angle of the shoulder blade, down the back of the arm to the ring and little fingers.", UpperHalf),
        M("pectoralis-major", "Pectoralis major", Trunk, "chest", ["chest", "front-of-shoulder", "inner-arm"],
            "The chest, the front of the shoulder and down the inner arm; chest pain that is muscular.", UpperHalf),
        M("serratus-anterior", "Serratus anterior", Trunk, "side-of-chest", ["side-of-chest", "shoulder-blade", "inner-arm"],
            "The side of the chest, under the lower shoulder blade, down the inner arm; a stitch when breathing deeply.", UpperHalf),
        M("rectus-abdominis", "Rectus abdominis", Trunk, "abdomen", ["abdomen", "lumbar-spine"],
            "Across the abdomen and in a band across the lower back; back pain that is abdominal in origin.", UpperHalf),
        M("iliocostalis-lumborum", "Iliocostalis lumborum", Trunk, "buttock", ["buttock", "lumbar-spine"],
            "Down into the middle of the buttock and along the lower back; low back pain.", LowerHalf),
        M("lumbar-multifidus", "Lumbar multifidus", Trunk, "lumbar-spine", ["lumbar-spine", "sacrum"],
            "Close to the spine at its level and over the sacrum; low back pain.", LowerHalf),
        M("teres-major", "Teres major", ShoulderAndArm, "back-of-shoulder", ["back-of-shoulder", "back-of-upper-arm"],
            "The back of the shoulder and the back of the upper arm.", UpperHalf),
        M("teres-minor", "Teres minor", ShoulderAndArm, "back-of-shoulder", ["back-of-shoulder"],
            "A deep, localised ache at the back of the shoulder.", UpperHalf),
        M("biceps-brachii", "Biceps brachii", ShoulderAndArm, "front-of-shoulder", ["front-of-shoulder", "front-of-upper-arm", "inner-elbow"],
            "Up over the front of the shoulder and down to the crease of the elbow.", UpperHalf),
        M("triceps-brachii", "Triceps brachii", ShoulderAndArm, "back-of-upper-arm", ["back-of-upper-arm", "back-of-shoulder", "outer-elbow", "back-of-forearm"],
            "The back of the arm from shoulder to forearm, and the outer elbow; elbow pain.", UpperHalf),
        M("brachioradialis", "Brachioradialis", ForearmAndHand, "outer-elbow", ["outer-elbow", "thumb-side-forearm", "thumb"],
            "The outer elbow, the thumb side of the forearm and the web of the thumb; tennis elbow.", UpperHalf),
        M("supinator", "Supinator", ForearmAndHand, "outer-elbow", ["outer-elbow", "thumb"],
            "The outer elbow and the web of the thumb; tennis elbow.", UpperHalf),
        M("extensor-digitorum", "Extensor digitorum", ForearmAndHand, "back-of-hand", ["back-of-hand", "back-of-forearm"],
            "Down the back of the forearm and hand into the fingers; stiff, painful fingers.", UpperHalf),
        M("gluteus-maximus", "Gluteus maximus", HipAndThigh, "buttock", ["buttock", "sacrum"],
            "Over the buttock and the sacrum; pain sitting, pain climbing.", LowerHalf),
        M("hamstrings", "Hamstrings (biceps femoris)", HipAndThigh, "back-of-knee", ["back-of-knee", "back-of-thigh"],
            "The back of the knee and up the back of the thigh; pain sitting and walking.", LowerHalf),
        M("adductor-longus", "Adductor longus", HipAndThigh, "groin", ["groin", "inner-thigh", "inner-knee"],
            "The groin, the inner thigh and above the inner knee; groin pain.", LowerHalf),
        M("vastus-lateralis", "Vastus lateralis", HipAndThigh, "outer-thigh", ["outer-thigh", "outer-knee"],
            "Down the outer thigh to the outer knee; knee pain, pain lying on the side.", LowerHalf),
        M("popliteus", "Popliteus", LegAndFoot, "back-of-knee", ["back-of-knee"],
            "The back of the knee; pain crouching, running downhill.", LowerHalf),
        M("tibialis-anterior", "Tibialis anterior", LegAndFoot, "big-toe", ["big-toe", "ankle", "shin"],
            "The front of the ankle and the big toe, and down the shin.", LowerHalf),
        M("peroneus-longus", "Peroneus longus", LegAndFoot, "ankle", ["ankle", "outer-leg"],
            "Around the outer ankle and down the outer lower leg; weak ankles.", LowerHalf),
    ];
}
