/** Google Forms created by setup: titles, descriptions, questions and help texts. */
export const en = {
  'form.intake.title': 'Service desk: log a call or visit',
  'form.intake.description':
    'Log every call, visit, email or letter, including praise. Phone calls may be logged later: set "Received at" to when the customer contacted us.',
  'form.intake.q.receivedBy': 'Received by (first receiver)',
  'form.intake.q.channel': 'Channel',
  'form.intake.q.type': 'Type',
  'form.intake.q.category': 'Category',
  'form.intake.q.severity': 'Severity',
  'form.intake.q.flags': 'The matter involves',
  'form.intake.flag.compensation': 'Compensation',
  'form.intake.flag.safety': 'Safety',
  'form.intake.q.customer': 'Customer name',
  'form.intake.q.phone': 'Phone',
  'form.intake.q.email': 'Email',
  'form.intake.q.address': 'Address / unit',
  'form.intake.q.orderNo': 'Order / contract no.',
  'form.intake.q.description': 'What the customer said',
  'form.intake.q.personComplained': 'Person complained about',
  'form.intake.q.receivedAt': 'Received at (leave empty for now)',
  'form.intake.q.relatedTicket': 'Related ticket ID (customer re-filed)',
  'form.intake.help.severity':
    'Urgent: a leak, a fire, people stuck in a lift (deadlines around the clock). Major: compensation, safety, media, several households or a repeat complaint.',
  'form.customer.title': 'Contact us: complaints, suggestions and repairs',
  'form.customer.description': 'Tell us what happened. We answer within one working day.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'form.intake.title': '客服部：来电来访登记',
  'form.intake.description':
    '每一次来电、来访、邮件、信函（包括表扬）都要登记。电话可事后补登：请把“受理时间”填为客户来电的时间。',
  'form.intake.q.receivedBy': '首问责任人',
  'form.intake.q.channel': '来电渠道',
  'form.intake.q.type': '类型',
  'form.intake.q.category': '类别',
  'form.intake.q.severity': '严重程度',
  'form.intake.q.flags': '事项涉及',
  'form.intake.flag.compensation': '赔偿',
  'form.intake.flag.safety': '安全',
  'form.intake.q.customer': '客户姓名',
  'form.intake.q.phone': '联系电话',
  'form.intake.q.email': '电子邮箱',
  'form.intake.q.address': '地址 / 房号',
  'form.intake.q.orderNo': '订单 / 合同号',
  'form.intake.q.description': '客户反映内容',
  'form.intake.q.personComplained': '被投诉人',
  'form.intake.q.receivedAt': '受理时间（现在受理可不填）',
  'form.intake.q.relatedTicket': '关联工单号（客户再次投诉）',
  'form.intake.help.severity':
    '紧急：漏水、火情、电梯困人等（时限全天候计算）。重大：涉及赔偿、安全、媒体、多户或重复投诉。',
  'form.customer.title': '联系我们：投诉、建议与报修',
  'form.customer.description': '请告诉我们发生了什么，我们会在一个工作日内答复。',
};
