<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe HTML module: the structure of the record.

  div -> <section class="div div-{type}">; head -> h2 (h3... when nested),
  head[@type='sub'] -> <p class="subhead">; dateline/closer -> <p class>;
  sp -> <div class="sp speaker-{who} voice-V" id="{ts:sp-anchor}"> (the
  xml:id, else sp-N, N = position among the document's sp: common.xsl), with
  a speaker line holding a visible link to itself ("¶ N"); stage -> block <p> when a child of div/sp/body, inline <span>
  otherwise; type="delivery" is parenthesised, a delivery stage directly
  after <speaker> is shown in the speaker line.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="div">
    <section class="{string-join(('div', @type ! ('div-' || ts:token(.))), ' ')}">
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="head">
    <xsl:element name="h{min((count(ancestor::div) + 1, 6))}">
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="head[@type = 'sub']">
    <p class="subhead"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="dateline">
    <p class="dateline"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="closer">
    <p class="closer"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="p">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <!-- a list in the record (e.g. type="participants"): its head as a lead-in, its items as a list -->
  <xsl:template match="list">
    <div class="{string-join(('list', @type ! ('list-' || ts:token(.))), ' ')}">
      <xsl:apply-templates select="head"/>
      <xsl:text>&#10;</xsl:text>
      <ul>
        <xsl:for-each select="item">
          <xsl:text>&#10;</xsl:text>
          <xsl:apply-templates select="."/>
        </xsl:for-each>
        <xsl:text>&#10;</xsl:text>
      </ul>
    </div>
  </xsl:template>

  <xsl:template match="list/head" priority="2">
    <p class="list-head"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="item">
    <li><xsl:apply-templates/></li>
  </xsl:template>

  <!-- ===== speech turns ===== -->

  <xsl:template match="sp">
    <xsl:variable name="ids" select="ts:who(.)"/>
    <xsl:variable name="voice" select="ts:person(., ($ids, '')[1])/ts:voice(.)"/>
    <div id="{ts:sp-anchor(.)}" class="{string-join(('sp', $ids ! ('speaker-' || ts:token(.)), $voice), ' ')}">
      <xsl:if test="not(speaker)">
        <p class="speaker">
          <span class="speaker-name generated"><xsl:value-of select="ts:speaker-name(.)"/></span>
          <xsl:call-template name="turn-link"><xsl:with-param name="n" select="ts:sp-number(.)"/></xsl:call-template>
        </p>
      </xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- "voice-1".."voice-6": a colour slot from the person's place in listPerson. -->
  <xsl:function name="ts:voice" as="xs:string">
    <xsl:param name="person" as="element(person)"/>
    <xsl:sequence select="'voice-' || (count($person/preceding-sibling::person) mod 6 + 1)"/>
  </xsl:function>

  <xsl:template match="speaker">
    <p class="speaker">
      <span class="speaker-name"><xsl:apply-templates/></span>
      <xsl:apply-templates mode="speaker-line"
          select="following-sibling::*[1][self::stage[@type = 'delivery']]"/>
      <xsl:call-template name="turn-link">
        <xsl:with-param name="n" select="ts:sp-number(ancestor::sp[1])"/>
      </xsl:call-template>
    </p>
  </xsl:template>

  <!-- The visible link for citing one turn: "¶ N" (print.xsl shows the number only). -->
  <xsl:template name="turn-link">
    <xsl:param name="n" as="xs:string"/>
    <xsl:variable name="anchor" select="ts:sp-anchor(ancestor-or-self::sp[1])"/>
    <xsl:text> </xsl:text>
    <a class="turn-link" href="#{$anchor}" title="Link to this turn (#{$anchor})"
        aria-label="Link to turn {$n}"><span class="turn-icon" aria-hidden="true">¶</span><span class="turn-n"><xsl:value-of select="$n"/></span></a>
  </xsl:template>

  <!-- ===== stage directions ===== -->

  <xsl:template match="stage[@type = 'delivery']" mode="speaker-line">
    <xsl:text> </xsl:text>
    <span class="stage stage-delivery">(<xsl:apply-templates/>)</span>
  </xsl:template>

  <!-- Already shown in the speaker line. -->
  <xsl:template match="stage[@type = 'delivery'][preceding-sibling::*[1][self::speaker]]" priority="3"/>

  <xsl:template match="stage" priority="1">
    <span class="{ts:stage-class(.)}">
      <xsl:call-template name="stage-content"/>
    </span>
  </xsl:template>

  <xsl:template match="sp/stage | div/stage | body/stage | front/stage | back/stage" priority="2">
    <p class="{ts:stage-class(.)}">
      <xsl:call-template name="stage-content"/>
    </p>
  </xsl:template>

  <xsl:template name="stage-content">
    <xsl:choose>
      <xsl:when test="@type = 'delivery'">(<xsl:apply-templates/>)</xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="ts:stage-class" as="xs:string">
    <xsl:param name="stage" as="element(stage)"/>
    <xsl:sequence select="string-join(('stage', $stage/@type ! ('stage-' || ts:token(.))), ' ')"/>
  </xsl:function>

</xsl:stylesheet>
