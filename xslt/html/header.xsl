<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe HTML module: the metadata block built from the teiHeader.

  Named templates (reused by print/print.xsl for the front matter):
    meta-tags       <meta> author/description/generator for the HTML head
    header-block    title, summary, metadata list, "Cite this", downloads, conventions
    footer-block    publisher, licence, generator
    meta-list       the <dl> of date, place, participants, translator, source...
                    (= meta-rows-people + meta-rows-source, also used separately)
    participants    the participant list with readable roles (ts:role-labels)
    cite-this       one-line citation of the document (cite.xsl)
    licence         licence sentence from publicationStmt/availability
    conventions     key to the editorial signs (conventions-list in <details>)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode name="bibl" on-no-match="text-only-copy" warning-on-no-match="no"/>

  <xsl:variable name="ts:hdr" as="element(teiHeader)?" select="/TEI/teiHeader"/>
  <xsl:variable name="ts:translator" as="element()*"
      select="$ts:hdr/fileDesc/titleStmt/respStmt[@xml:id = 'translator'
              or contains(lower-case(resp), 'transl')]/(persName | name)"/>
  <xsl:variable name="ts:date" as="element(date)?"
      select="($ts:hdr/profileDesc/creation/date, $ts:hdr/fileDesc/sourceDesc/bibl/date)[1]"/>
  <xsl:variable name="ts:place" as="element()*"
      select="$ts:hdr/profileDesc/(creation/(placeName | settlement) | settingDesc//placeName)"/>

  <xsl:template name="meta-tags">
    <xsl:for-each select="$ts:translator">
      <meta name="author" content="{normalize-space(.)}"/>
    </xsl:for-each>
    <xsl:if test="$ts:hdr/profileDesc/abstract">
      <meta name="description" content="{normalize-space($ts:hdr/profileDesc/abstract)}"/>
    </xsl:if>
    <meta name="generator" content="teiscribe"/>
  </xsl:template>

  <xsl:template name="header-block">
    <h1 class="title"><xsl:value-of select="ts:title(.)"/></h1>
    <xsl:if test="$ts:hdr/profileDesc/abstract">
      <div class="doc-summary"><xsl:apply-templates select="$ts:hdr/profileDesc/abstract/node()"/></div>
    </xsl:if>
    <xsl:call-template name="meta-list"/>
    <p class="cite" id="cite"><strong>Cite this: </strong><xsl:call-template name="cite-this"/></p>
    <xsl:for-each select="(/TEI/text//sp)[1]">
      <p class="cite-turn">To cite one turn, use its ¶ link: the address of this page followed by the
        turn’s anchor, e.g. <code>#<xsl:value-of select="ts:sp-anchor(.)"/></code>.</p>
    </xsl:for-each>
    <xsl:if test="$tei-href or $pdf-href">
      <nav class="downloads" aria-label="Downloads">
        <xsl:if test="$tei-href">
          <a href="{$tei-href}" type="application/tei+xml" download="">TEI XML</a>
        </xsl:if>
        <xsl:if test="$tei-href and $pdf-href"><xsl:text> </xsl:text></xsl:if>
        <xsl:if test="$pdf-href">
          <a href="{$pdf-href}" type="application/pdf">PDF</a>
        </xsl:if>
      </nav>
    </xsl:if>
    <xsl:call-template name="conventions"/>
  </xsl:template>

  <xsl:template name="meta-list">
    <dl class="meta">
      <xsl:call-template name="meta-rows-people"/>
      <xsl:call-template name="meta-rows-source">
        <xsl:with-param name="summary" select="false()"/>
      </xsl:call-template>
    </dl>
  </xsl:template>

  <!-- dt/dd rows about the event: date, place, participants, translator. -->
  <xsl:template name="meta-rows-people">
    <xsl:if test="$ts:date">
      <dt>Date</dt>
      <dd><time datetime="{$ts:date/@when}"><xsl:value-of select="normalize-space($ts:date)"/></time></dd>
    </xsl:if>
    <xsl:if test="$ts:place">
      <dt>Place</dt>
      <dd><xsl:value-of select="string-join($ts:place ! normalize-space(.), ', ')"/></dd>
    </xsl:if>
    <xsl:if test="$ts:hdr/profileDesc/particDesc//person">
      <dt>Participants</dt>
      <dd>
        <xsl:call-template name="participants"/>
      </dd>
    </xsl:if>
    <xsl:if test="$ts:translator">
      <dt>Translator</dt>
      <dd><xsl:value-of select="string-join($ts:translator ! normalize-space(.), ', ')"/></dd>
    </xsl:if>
  </xsl:template>

  <!-- dt/dd rows about the source: bibl, archival reference, language, and
       (unless $summary is false: the screen page shows it under the title) summary. -->
  <xsl:template name="meta-rows-source">
    <xsl:param name="summary" as="xs:boolean" select="true()"/>
    <xsl:variable name="ms" select="$ts:hdr/fileDesc/sourceDesc/msDesc"/>
    <xsl:for-each select="$ts:hdr/fileDesc/sourceDesc/bibl">
      <dt>Source</dt>
      <dd class="source"><xsl:apply-templates mode="bibl"/></dd>
    </xsl:for-each>
    <xsl:if test="$ms">
      <dt>Archival reference</dt>
      <dd><xsl:value-of select="ts:archival-reference($ms)"/></dd>
    </xsl:if>
    <xsl:if test="$ts:hdr/fileDesc/sourceDesc//textLang">
      <dt>Original language</dt>
      <dd><xsl:value-of select="normalize-space(($ts:hdr/fileDesc/sourceDesc//textLang)[1])"/></dd>
    </xsl:if>
    <xsl:if test="$summary and $ts:hdr/profileDesc/abstract">
      <dt>Summary</dt>
      <dd class="summary"><xsl:apply-templates select="$ts:hdr/profileDesc/abstract/node()"/></dd>
    </xsl:if>
  </xsl:template>

  <!-- The listPerson as <ul class="participants">: "Name (role, role)". -->
  <xsl:template name="participants">
    <ul class="participants">
      <xsl:for-each select="$ts:hdr/profileDesc/particDesc//person">
        <xsl:variable name="roles" select="ts:role-labels(@role)"/>
        <li><xsl:call-template name="person-name-link"/>
          <xsl:if test="exists($roles)"><xsl:text> </xsl:text><span class="role">(<xsl:value-of select="string-join($roles, ', ')"/>)</span></xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- The person's name; in a site, a link to its entry on the persons page. -->
  <xsl:template name="person-name-link">
    <xsl:choose>
      <xsl:when test="$site and @xml:id">
        <a href="persons.html#person-{@xml:id}"><xsl:value-of select="ts:person-name(.)"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="ts:person-name(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="licence">
    <xsl:for-each select="$ts:hdr/fileDesc/publicationStmt/availability/licence">
      <xsl:text>Licence: </xsl:text>
      <xsl:choose>
        <xsl:when test="@target"><a href="{@target}" rel="license"><xsl:value-of select="normalize-space(.)"/></a></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text>.</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="$ts:hdr/fileDesc/publicationStmt/availability/p">
      <xsl:text> </xsl:text><xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="conventions">
    <details class="conventions">
      <summary>Editorial conventions</summary>
      <xsl:call-template name="conventions-list"/>
      <p>The diplomatic view shows every editorial sign. The reading view hides brackets,
        “[sic]”, page breaks, glosses and variant names, and shows corrections in place of the source’s
        reading. Numbered note calls open their note; all notes are listed at the end.</p>
    </details>
  </xsl:template>

  <xsl:template name="conventions-list">
    <ul>
      <li><span class="supplied">[word]</span> editorial insertion by the translator or editor</li>
      <li>[<i>word</i>] original-language word kept by the translator</li>
      <li>C<span class="ex">entral</span> expanded abbreviation</li>
      <li>[sic] thus in the source; <span class="orphan-note-call">[6]</span> note call without a note in the source</li>
      <li><span class="pb">|</span> page break in the source; <span class="stage stage-delivery">(italics)</span> manner of speaking</li>
    </ul>
  </xsl:template>

  <xsl:template name="footer-block">
    <xsl:variable name="pub" select="$ts:hdr/fileDesc/publicationStmt"/>
    <p>
      <xsl:for-each select="string-join(($pub/publisher ! normalize-space(.))[.], ', ')[.]">Published by <xsl:value-of select="ts:sentence(.)"/><xsl:text> </xsl:text></xsl:for-each>
      <xsl:call-template name="licence"/>
      <xsl:text> Encoded in TEI P5</xsl:text>
      <xsl:value-of select="$ts:hdr/encodingDesc/appInfo/application[1] ! (' by ' || normalize-space(label) || ' ' || @version)"/>
      <xsl:text>.</xsl:text>
    </p>
  </xsl:template>

  <!-- ===== the source citation (bibl) ===== -->
  <xsl:template match="title" mode="bibl"><cite><xsl:apply-templates mode="bibl"/></cite></xsl:template>
  <xsl:template match="date[@when]" mode="bibl"><time datetime="{@when}"><xsl:apply-templates mode="bibl"/></time></xsl:template>
  <xsl:template match="ref[@target]" mode="bibl"><a href="{@target}"><xsl:apply-templates mode="bibl"/></a></xsl:template>
  <!-- Shown elsewhere: the URI duplicates ref; the language has its own row. -->
  <xsl:template match="idno[@type = 'URI'][../ref] | textLang" mode="bibl"/>

</xsl:stylesheet>
